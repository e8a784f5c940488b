using System.Text.Json;

namespace A2A.Protocol;

/// <summary>
/// The core unit of work in A2A: a stateful task with a status, produced artifacts and the message history.
/// Called <c>Task</c> on the wire; <c>AgentTask</c> here so it never clashes with <see cref="System.Threading.Tasks.Task"/>.
/// </summary>
/// <remarks>Immutable: every change produces a new instance (<c>with</c> expressions), so a task read from a store can be shared safely.</remarks>
public sealed record AgentTask
{
    private IReadOnlyList<Artifact> _artifacts = [];
    private IReadOnlyList<Message> _history = [];

    /// <summary>Unique id of the task, chosen by the server. Required.</summary>
    public string Id { get; init; } = "";

    /// <summary>The conversation the task belongs to.</summary>
    public string? ContextId { get; init; }

    /// <summary>The current status. Required.</summary>
    public AgentTaskStatus Status { get; init; } = new();

    /// <summary>Artifacts produced so far.</summary>
    public IReadOnlyList<Artifact> Artifacts { get => _artifacts; init => _artifacts = value ?? []; }

    /// <summary>Messages exchanged so far, oldest first.</summary>
    public IReadOnlyList<Message> History { get => _history; init => _history = value ?? []; }

    /// <summary>Optional metadata.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>
    /// The text of the status message, such as the agent's question when the task is input-required or the reason it
    /// failed; null when the status carries no message.
    /// </summary>
    public string? GetStatusText() => Status.Message?.GetText();

    /// <summary>
    /// A new user message that continues this task (its id and context set, a fresh message id), for example the answer
    /// to the question of an input-required task.
    /// </summary>
    public Message Reply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Reply([Part.FromText(text)]);
    }

    /// <summary>A new user message that continues this task, holding <paramref name="parts"/>.</summary>
    public Message Reply(IEnumerable<Part> parts) => Message.FromUser(parts, ContextId) with { TaskId = Id };

    /// <summary>
    /// The protocol's <c>historyLength</c>: this task with only its <paramref name="historyLength"/> newest history
    /// messages (all of them when null, none when 0).
    /// </summary>
    /// <exception cref="Errors.InvalidParamsException"><paramref name="historyLength"/> is negative.</exception>
    public AgentTask WithHistoryLength(int? historyLength)
    {
        if (historyLength < 0)
        {
            throw new Errors.InvalidParamsException($"historyLength must be 0 or more; got {historyLength}.");
        }

        return historyLength is { } length && length < History.Count
            ? this with { History = History.Skip(History.Count - length).ToArray() }
            : this;
    }
}
