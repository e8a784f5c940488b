using A2A.Protocol;

namespace A2A.Push;

/// <summary>A push notification configuration as a store keeps it, with its delivery progress.</summary>
/// <param name="Config">The configuration, credentials included (never hand it to a client as is).</param>
/// <param name="DeliveredSequence">The sequence of the last task event delivered to it (or given up on).</param>
/// <param name="ProtocolVersion">
/// The A2A version of the client that registered it, and so of the notifications it gets: <c>1.0</c> (each change
/// as a <c>StreamResponse</c>), or <c>0.3</c> (the task, in v0.3's JSON).
/// </param>
public sealed record StoredPushConfig(TaskPushNotificationConfig Config, long DeliveredSequence, string ProtocolVersion = JsonRpc.A2AMethods.ProtocolVersion);
