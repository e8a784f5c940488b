using A2A.Errors;
using A2A.Protocol;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace A2A.AspNetCore.Security;

/// <summary>
/// <c>GetExtendedAgentCard</c> (v0.3: <c>agent/getAuthenticatedExtendedCard</c>) for every binding: the card
/// <see cref="AgentCardOptions.ExtendedCard"/> makes for an authenticated caller; anyone else is challenged.
/// </summary>
internal static class ExtendedCard
{
    /// <summary>The extended card, or null when the caller is not authenticated and has been challenged (the response is written).</summary>
    /// <exception cref="UnsupportedOperationException">v1.0: the agent has no extended card (its card does not declare one).</exception>
    /// <exception cref="ExtendedAgentCardNotConfiguredException">v0.3: the same, as v0.3 names it.</exception>
    public static async Task<AgentCard?> GetAsync(HttpContext context, AgentEndpointRegistry.Agent agent, bool v03)
    {
        if (agent.Options.Card.ExtendedCard is not { } extend)
        {
            throw v03
                ? new ExtendedAgentCardNotConfiguredException("This agent has no authenticated extended card (supportsAuthenticatedExtendedCard is false); read the public one at /.well-known/agent-card.json.")
                : new UnsupportedOperationException("This agent's card does not declare an extended agent card (capabilities.extendedAgentCard); read the public one at /.well-known/agent-card.json.");
        }

        if (context.User.Identity?.IsAuthenticated != true)
        {
            await ChallengeAsync(context).ConfigureAwait(false);
            return null;
        }

        return extend(await agent.CardForAsync(context).ConfigureAwait(false), context.User)
            ?? throw new InvalidOperationException($"The extended card callback (A2AServerOptions.Card.ExtendedCard) of '{agent.Name}' returned null.");
    }

    // The application's authentication challenges (WWW-Authenticate and all); without any, a bare 401.
    private static async Task ChallengeAsync(HttpContext context)
    {
        if (context.RequestServices.GetService(typeof(IAuthenticationSchemeProvider)) is IAuthenticationSchemeProvider schemes
            && await schemes.GetDefaultChallengeSchemeAsync().ConfigureAwait(false) is not null)
        {
            await context.ChallengeAsync().ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
    }
}
