using System.Security.Claims;

namespace A2A.Tasks;

/// <summary>
/// Who sent a request: the authenticated user (if any), the tenant the request named, and the owner key of the tasks
/// the caller creates. A server reads, lists, cancels, subscribes to and continues only the tasks whose
/// <see cref="Storage.StoredTask.Owner"/> is the caller's <see cref="Owner"/>, so callers never see each other's tasks.
/// </summary>
public sealed class TaskCaller
{
    private static readonly ClaimsPrincipal Nobody = new(new ClaimsIdentity());

    /// <summary>An unauthenticated caller without a tenant: it owns the tasks nobody owns (empty owner key).</summary>
    public static TaskCaller Anonymous { get; } = new(Nobody, tenant: null, userId: null);


    /// <summary>Creates a caller.</summary>
    /// <param name="user">The request's principal (an unauthenticated one when nobody signed in).</param>
    /// <param name="tenant">The tenant the request named; null or empty for none.</param>
    /// <param name="userId">
    /// The identity the caller's tasks belong to (for example the user's subject claim); null for an unauthenticated
    /// caller. Two callers with the same user id and tenant share their tasks.
    /// </param>
    /// <param name="protocolVersion">
    /// The A2A version the caller speaks (<c>1.0</c>, or <c>0.3</c>): push notification configurations it registers get
    /// their notifications in it.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="userId"/> is empty.</exception>
    public TaskCaller(ClaimsPrincipal user, string? tenant, string? userId, string protocolVersion = JsonRpc.A2AMethods.ProtocolVersion)
    {
        ArgumentException.ThrowIfNullOrEmpty(protocolVersion);
        ArgumentNullException.ThrowIfNull(user);
        if (userId is { Length: 0 })
        {
            throw new ArgumentException("A user id must not be empty; pass null for an unauthenticated caller.", nameof(userId));
        }

        User = user;
        Tenant = string.IsNullOrEmpty(tenant) ? null : tenant;
        UserId = userId;
        ProtocolVersion = protocolVersion;
        Owner = OwnerKey(Tenant, userId);
    }

    /// <summary>The A2A version the caller speaks: <c>1.0</c>, or <c>0.3</c>.</summary>
    public string ProtocolVersion { get; }

    /// <summary>The request's principal; <see cref="ClaimsPrincipal.Identity"/> is unauthenticated when nobody signed in.</summary>
    public ClaimsPrincipal User { get; }

    /// <summary>The tenant the request named, or null.</summary>
    public string? Tenant { get; }

    /// <summary>The identity the caller's tasks belong to, or null for an unauthenticated caller.</summary>
    public string? UserId { get; }

    /// <summary>
    /// The owner key stored with the tasks this caller creates: tenant and user id together, unambiguously; empty for
    /// an unauthenticated caller without a tenant.
    /// </summary>
    public string Owner { get; }

    /// <summary>Whether the caller may see a task stored with owner key <paramref name="owner"/>.</summary>
    public bool Owns(string owner) => string.Equals(Owner, owner ?? "", StringComparison.Ordinal);

    // The tenant's length first, so that no tenant/user pair can spell another's key.
    private static string OwnerKey(string? tenant, string? userId) =>
        tenant is null && userId is null ? "" : $"{tenant?.Length ?? 0}:{tenant}:{userId}";
}
