namespace A2A.Tasks;

/// <summary>How <see cref="TaskManager.SubscribeAsync"/> starts and when it ends.</summary>
public sealed record TaskSubscriptionOptions
{
    /// <summary>The default: snapshot first, then every event, ending at a terminal state.</summary>
    public static TaskSubscriptionOptions Default { get; } = new();

    /// <summary>
    /// When set, the subscription skips the snapshot and replays every event after this sequence number before
    /// going live: a client that lost its connection resumes without missing events.
    /// </summary>
    public long? AfterSequence { get; init; }

    /// <summary>
    /// End the stream when the task reaches input-required or auth-required (after the snapshot), as well as at
    /// terminal states. An interrupted snapshot does not end it: its subscriber waits for the next move. Off by default: an
    /// interrupted task is still live (a follow-up message resumes it on the same task), so a store-level
    /// subscriber keeps listening. The wire binding turns it on for SendStreamingMessage, whose response the spec
    /// closes at an interrupted state.
    /// </summary>
    public bool EndAtInterruption { get; init; }
}
