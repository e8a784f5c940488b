using System.Security.Claims;
using A2A.Errors;
using A2A.JsonRpc;
using A2A.Tasks;

namespace A2A.AspNetCore.Security;

/// <summary>
/// Who an HTTP request comes from, as the task ownership rules see it: the authenticated user's identifying claim and
/// the tenant the request names. An unauthenticated request has no user id: it shares the tasks nobody owns (in its
/// tenant) with every other unauthenticated request.
/// </summary>
internal static class TaskCallers
{
    // Tried in order when no claim type is configured: what ASP.NET Core's handlers map the subject to, then the JWT
    // name for it, then the principal's name.
    private static readonly string[] DefaultClaimTypes = [ClaimTypes.NameIdentifier, "sub"];

    public static TaskCaller For(ClaimsPrincipal? user, string? tenant, A2AServerOptions options, string protocolVersion = A2AMethods.ProtocolVersion)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return string.IsNullOrEmpty(tenant) && protocolVersion == A2AMethods.ProtocolVersion
                ? TaskCaller.Anonymous
                : new TaskCaller(user ?? TaskCaller.Anonymous.User, tenant, userId: null, protocolVersion);
        }

        string? id = options.TaskOwnerClaimType is { } configured
            ? user.FindFirst(configured)?.Value
            : DefaultClaimTypes.Select(type => user.FindFirst(type)?.Value).FirstOrDefault(value => !string.IsNullOrEmpty(value)) ?? user.Identity.Name;
        if (string.IsNullOrEmpty(id))
        {
            // Owning the tasks of every other such caller would leak them: refuse, and say what to configure.
            throw new InternalErrorException(options.TaskOwnerClaimType is { } claim
                ? $"The authenticated caller has no '{claim}' claim (A2AServerOptions.TaskOwnerClaimType), so its tasks cannot be told apart from other callers'."
                : "The authenticated caller has no name identifier, 'sub' or name claim, so its tasks cannot be told apart from other callers'; set A2AServerOptions.TaskOwnerClaimType to the claim that identifies a caller.");
        }

        return new TaskCaller(user, tenant, id, protocolVersion);
    }
}
