using A2A.Protocol;

namespace A2A.Push;

/// <summary>A push notification configuration as a store keeps it, with its delivery progress.</summary>
/// <param name="Config">The configuration, credentials included (never hand it to a client as is).</param>
/// <param name="DeliveredSequence">The sequence of the last task event delivered to it (or given up on).</param>
public sealed record StoredPushConfig(TaskPushNotificationConfig Config, long DeliveredSequence);
