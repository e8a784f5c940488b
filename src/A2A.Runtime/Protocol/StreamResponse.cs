using System.Text.Json;
using System.Text.Json.Serialization;

namespace A2A.Protocol;

/// <summary>
/// One item of a task's event stream: exactly one of <see cref="Task"/>, <see cref="Message"/>,
/// <see cref="StatusUpdate"/> or <see cref="ArtifactUpdate"/> (the proto's <c>payload</c> oneof).
/// </summary>
public sealed record StreamResponse : IJsonOnDeserialized
{
    /// <summary>A task snapshot.</summary>
    public AgentTask? Task { get; init; }

    /// <summary>A message.</summary>
    public Message? Message { get; init; }

    /// <summary>A status change.</summary>
    public TaskStatusUpdateEvent? StatusUpdate { get; init; }

    /// <summary>An artifact or artifact chunk.</summary>
    public TaskArtifactUpdateEvent? ArtifactUpdate { get; init; }

    /// <summary>Which payload is set.</summary>
    [JsonIgnore]
    public StreamResponseKind Kind =>
        Task is not null ? StreamResponseKind.Task
        : Message is not null ? StreamResponseKind.Message
        : StatusUpdate is not null ? StreamResponseKind.StatusUpdate
        : ArtifactUpdate is not null ? StreamResponseKind.ArtifactUpdate
        : StreamResponseKind.None;

    /// <summary>The id of the task this item is about, or null for a message without a task.</summary>
    [JsonIgnore]
    public string? TaskId => Task?.Id ?? StatusUpdate?.TaskId ?? ArtifactUpdate?.TaskId ?? Message?.TaskId;

    /// <summary>The context id this item carries, if any.</summary>
    [JsonIgnore]
    public string? ContextId => Task?.ContextId ?? StatusUpdate?.ContextId ?? ArtifactUpdate?.ContextId ?? Message?.ContextId;

    /// <summary>Wraps a task snapshot.</summary>
    public static StreamResponse From(AgentTask task) => new() { Task = task ?? throw new ArgumentNullException(nameof(task)) };

    /// <summary>Wraps a message.</summary>
    public static StreamResponse From(Message message) => new() { Message = message ?? throw new ArgumentNullException(nameof(message)) };

    /// <summary>Wraps a status update.</summary>
    public static StreamResponse From(TaskStatusUpdateEvent update) => new() { StatusUpdate = update ?? throw new ArgumentNullException(nameof(update)) };

    /// <summary>Wraps an artifact update.</summary>
    public static StreamResponse From(TaskArtifactUpdateEvent update) => new() { ArtifactUpdate = update ?? throw new ArgumentNullException(nameof(update)) };

    void IJsonOnDeserialized.OnDeserialized()
    {
        int count = (Task is null ? 0 : 1) + (Message is null ? 0 : 1) + (StatusUpdate is null ? 0 : 1) + (ArtifactUpdate is null ? 0 : 1);
        if (count != 1)
        {
            throw new JsonException(
                "A stream response must carry exactly one of 'task', 'message', 'statusUpdate' or 'artifactUpdate'; this one carries " + count + ".");
        }
    }
}
