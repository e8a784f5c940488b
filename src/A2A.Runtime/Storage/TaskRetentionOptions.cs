namespace A2A.Storage;

/// <summary>
/// Retention for finished (terminal) tasks, shared by every store: how long they are kept, how many, and whether their
/// event logs shrink to the final snapshot. By default every task is kept; a long-running server sets a time-to-live,
/// a maximum count, or both.
/// </summary>
public record TaskRetentionOptions
{
    /// <summary>A finished task, and its event log, is removed this long after it reached its terminal state. Null keeps it.</summary>
    public TimeSpan? FinishedTaskTimeToLive { get; init; }

    /// <summary>At most this many finished tasks are kept; beyond it the ones that finished first are removed. Null: no limit.</summary>
    public int? MaxFinishedTasks { get; init; }

    /// <summary>
    /// When a task finishes, its event log is replaced by its final snapshot: a finished task's history, artifacts and
    /// status stay readable and replay to the same task, but its individual events are no longer kept.
    /// </summary>
    public bool CompactFinishedTasks { get; init; }

    /// <summary>Whether finished tasks ever expire (by age or count).</summary>
    public bool Expires => FinishedTaskTimeToLive is not null || MaxFinishedTasks is not null;

    /// <summary>Checks the settings; stores call it when they are created.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A non-positive time-to-live or a negative maximum.</exception>
    public virtual void Validate()
    {
        if (FinishedTaskTimeToLive is { } ttl && ttl <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(FinishedTaskTimeToLive), ttl, "The time-to-live of finished tasks must be positive (or null to keep them).");
        }

        if (MaxFinishedTasks is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFinishedTasks), MaxFinishedTasks, "The maximum number of finished tasks must be 0 or more (or null for no limit).");
        }
    }
}
