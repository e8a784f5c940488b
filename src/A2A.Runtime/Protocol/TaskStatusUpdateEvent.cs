using System.Text.Json;

namespace A2A.Protocol;

/// <summary>A streamed change of a task's status.</summary>
public sealed record TaskStatusUpdateEvent
{
    /// <summary>The task that changed. Required.</summary>
    public string TaskId { get; init; } = "";

    /// <summary>The task's context. Required.</summary>
    public string ContextId { get; init; } = "";

    /// <summary>The new status. Required.</summary>
    public AgentTaskStatus Status { get; init; } = new();

    /// <summary>Optional metadata.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }
}
