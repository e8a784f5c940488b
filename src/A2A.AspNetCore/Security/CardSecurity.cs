using A2A.Protocol;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace A2A.AspNetCore.Security;

/// <summary>
/// The card's <c>securitySchemes</c> and <c>securityRequirements</c>, derived from what actually guards the agent's
/// endpoints: the authentication schemes of the authorization its JSON-RPC endpoint requires. A card whose endpoints
/// require nothing declares nothing, so it never promises a check the server does not make.
/// </summary>
internal static class CardSecurity
{
    /// <summary>
    /// <paramref name="card"/> with the security its endpoints enforce, unless it declares its own (the application
    /// described it, with <see cref="AgentCardOptions.Customize"/>) or the endpoints require no authorization.
    /// </summary>
    public static async Task<AgentCard> ApplyAsync(AgentCard card, IReadOnlyList<IAuthorizeData> guard, IServiceProvider services)
    {
        if (guard.Count == 0 || card.SecuritySchemes is { Count: > 0 } || card.SecurityRequirements.Count > 0
            || services.GetService<IAuthenticationSchemeProvider>() is not { } schemes)
        {
            return card;
        }

        // The policy the endpoint requires names its schemes; without any, the default authentication scheme applies.
        var names = new List<string>();
        if (services.GetService<IAuthorizationPolicyProvider>() is { } policies && await AuthorizationPolicy.CombineAsync(policies, guard).ConfigureAwait(false) is { } policy)
        {
            names.AddRange(policy.AuthenticationSchemes);
        }

        if (names.Count == 0 && await schemes.GetDefaultAuthenticateSchemeAsync().ConfigureAwait(false) is { } fallback)
        {
            names.Add(fallback.Name);
        }

        var declared = new Dictionary<string, SecurityScheme>(StringComparer.Ordinal);
        foreach (string name in names.Distinct(StringComparer.Ordinal))
        {
            if (await schemes.GetSchemeAsync(name).ConfigureAwait(false) is { } scheme && Describe(scheme) is { } described)
            {
                declared[name] = described;
            }
        }

        return declared.Count == 0
            ? card
            : card with
            {
                SecuritySchemes = declared,

                // Any one of them will do: one requirement per scheme.
                SecurityRequirements = [.. declared.Keys.Select(name => new SecurityRequirement { Schemes = new Dictionary<string, StringList> { [name] = new() } })],
            };
    }

    // What a client must send for a scheme, when the handler says so; schemes no client can be told how to satisfy
    // (cookies, interactive sign-in, custom handlers) are left to AgentCardOptions.Customize.
    private static SecurityScheme? Describe(AuthenticationScheme scheme) => scheme.HandlerType.Name switch
    {
        "JwtBearerHandler" => new SecurityScheme { HttpAuthSecurityScheme = new HttpAuthSecurityScheme { Scheme = "Bearer", BearerFormat = "JWT" } },
        "CertificateAuthenticationHandler" => new SecurityScheme { MtlsSecurityScheme = new MutualTlsSecurityScheme() },
        _ when scheme.Name.Equals("Bearer", StringComparison.OrdinalIgnoreCase) => new SecurityScheme { HttpAuthSecurityScheme = new HttpAuthSecurityScheme { Scheme = "Bearer" } },
        _ when scheme.Name.Equals("Basic", StringComparison.OrdinalIgnoreCase) => new SecurityScheme { HttpAuthSecurityScheme = new HttpAuthSecurityScheme { Scheme = "Basic" } },
        _ => null,
    };
}
