namespace A2A.AspNetCore.Push;

/// <summary>
/// Push notifications of one agent: whether it offers them, which changes it pushes, and how it delivers (timeouts,
/// retries, where it may connect). Part of <see cref="A2AServerOptions"/>, bound from
/// <c>A2A:PushNotifications</c> (or <c>A2A:Agents:{name}:PushNotifications</c>).
/// </summary>
public sealed class PushNotificationOptions
{
    /// <summary>
    /// Whether the agent offers push notifications (its card's <c>capabilities.pushNotifications</c>). Null (the
    /// default): as the agent's <c>[A2AAgent(PushNotifications = ...)]</c> says.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>Which changes are pushed: status changes and completed artifacts by default (not every text chunk).</summary>
    public PushEvents Events { get; set; } = PushEvents.StatusChanges | PushEvents.ArtifactCompletions;

    /// <summary>How long one delivery attempt may take, response included (10 seconds by default; 1 to 60 seconds).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Attempts per notification and webhook (8 by default): a webhook that answers 5xx, 408 or 429, times out or cannot
    /// be reached is tried again with exponential backoff and jitter; after the last attempt the notification is
    /// given up (logged and counted) and the next one is delivered. Other 4xx answers and refused destinations are not retried.
    /// </summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before the first retry (1 second by default); each later wait doubles, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts (2 minutes by default); a <c>Retry-After</c> answer is honored up to it.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Whether webhooks may be on loopback, private or link-local addresses. Off by default: a client could otherwise
    /// make the server post into its own network (SSRF). Turn it on for tests and local development only.
    /// </summary>
    public bool AllowPrivateNetworkDestinations { get; set; }

    /// <summary>The most configurations one task may have (10 by default).</summary>
    public int MaxConfigsPerTask { get; set; } = 10;

    /// <summary>
    /// How long an instance's claim on delivering a task's notifications lasts without renewal (30 seconds by default;
    /// renewed every third of it). After an instance stops, another one resumes its deliveries this much later.
    /// </summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the store is searched for deliveries nobody is making (after a restart, or left by a stopped instance): 5 seconds by default.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Checks the settings: what is wrong, each naming its setting (relative to <c>A2A:PushNotifications</c>).</summary>
    internal IEnumerable<string> Validate()
    {
        if (RequestTimeout < TimeSpan.FromSeconds(1) || RequestTimeout > TimeSpan.FromSeconds(60))
        {
            yield return $"PushNotifications:RequestTimeout must be between 1 and 60 seconds; got {RequestTimeout}.";
        }

        if (MaxAttempts is < 1 or > 100)
        {
            yield return $"PushNotifications:MaxAttempts must be between 1 and 100; got {MaxAttempts}.";
        }

        if (InitialRetryDelay <= TimeSpan.Zero || MaxRetryDelay < InitialRetryDelay)
        {
            yield return $"PushNotifications:InitialRetryDelay must be positive and at most MaxRetryDelay; got {InitialRetryDelay} and {MaxRetryDelay}.";
        }

        if (MaxConfigsPerTask is < 1 or > 1000)
        {
            yield return $"PushNotifications:MaxConfigsPerTask must be between 1 and 1000; got {MaxConfigsPerTask}.";
        }

        if (ClaimDuration < TimeSpan.FromSeconds(1))
        {
            yield return $"PushNotifications:ClaimDuration must be at least 1 second; got {ClaimDuration}.";
        }

        if (PollInterval <= TimeSpan.Zero)
        {
            yield return $"PushNotifications:PollInterval must be positive; got {PollInterval}.";
        }

        if ((Events & PushEvents.ArtifactChunks) != 0 && (Events & PushEvents.ArtifactCompletions) != 0)
        {
            yield return "PushNotifications:Events may have ArtifactChunks or ArtifactCompletions, not both (a completion would repeat the chunks).";
        }
    }
}
