using A2A.Protocol;

namespace A2A.AspNetCore.Push;

/// <summary>How a push notification webhook (<see cref="PushReceiverEndpointRouteBuilderExtensions.MapA2APushReceiver"/>) checks and hands on what it receives.</summary>
public sealed class PushReceiverOptions
{
    /// <summary>
    /// Decides whether a request comes from the agent: gets the credentials it carries (compare them with the ones you
    /// registered in the configuration's <c>authentication</c> or <c>token</c>, with a constant-time comparison such as
    /// <see cref="PushCredentials.Matches(string?, string?)"/>). A refused request is answered 401 and not read. Required.
    /// </summary>
    public required Func<PushCredentials, bool> Authenticate { get; init; }

    /// <summary>
    /// Gets each notification (one <c>StreamResponse</c>, whose task id is checked to be present): true when it is for
    /// a task you expect (answered 204), false when not (answered 404, and the agent stops sending it). Duplicate
    /// deliveries can happen (delivery is at least once): handle them idempotently, as
    /// <see cref="PushNotificationTaskFeed"/> does. Required.
    /// </summary>
    public required Func<StreamResponse, CancellationToken, ValueTask<bool>> OnNotification { get; init; }

    /// <summary>The largest body accepted, in bytes (1 MiB by default); a larger one is answered 413.</summary>
    public int MaxBodySize { get; init; } = 1024 * 1024;
}
