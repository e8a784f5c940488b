namespace A2A.Protocol;

/// <summary>The current state of a task, with an optional message from the agent and when it was set.</summary>
/// <remarks>Named <c>AgentTaskStatus</c> (the proto's <c>TaskStatus</c>) so it never clashes with <see cref="System.Threading.Tasks.TaskStatus"/>.</remarks>
public sealed record AgentTaskStatus
{
    /// <summary>The state. Required.</summary>
    public TaskState State { get; init; }

    /// <summary>An optional message that goes with this status, for example the question of an input-required state.</summary>
    public Message? Message { get; init; }

    /// <summary>When the status was recorded (UTC).</summary>
    public DateTimeOffset? Timestamp { get; init; }
}
