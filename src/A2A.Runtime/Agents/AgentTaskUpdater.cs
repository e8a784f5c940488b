using A2A.Protocol;
using A2A.Tasks;

namespace A2A.Agents;

/// <summary>
/// Base of every generated <c>{Name}TaskUpdater</c>: the transitions every agent has (work, complete, fail,
/// cancel), text artifacts and messages. Generated subclasses add only the optional states the agent declares and
/// its typed artifacts, so the generated code stays small. Every call is checked by the runtime.
/// </summary>
public abstract class AgentTaskUpdater
{
    /// <summary>Wraps a runtime updater created with the agent's lifecycle.</summary>
    protected AgentTaskUpdater(TaskUpdater inner) => Untyped = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <summary>The untyped runtime updater, for what the typed surface does not cover. Still checked by the runtime.</summary>
    public TaskUpdater Untyped { get; }

    /// <summary>The task this updater drives.</summary>
    public string TaskId => Untyped.TaskId;

    /// <summary>The task's context.</summary>
    public string ContextId => Untyped.ContextId;

    /// <summary>Moves the task to working (start, progress, or resume).</summary>
    public Task<AgentTask> StartWorkAsync(Message? message = null, CancellationToken cancellationToken = default) =>
        MoveAsync(TaskState.Working, message, cancellationToken);

    /// <summary>Moves the task to working with an agent text message.</summary>
    public Task<AgentTask> StartWorkAsync(string text, CancellationToken cancellationToken = default) =>
        MoveAsync(TaskState.Working, text, cancellationToken);

    /// <summary>Finishes the task successfully.</summary>
    public Task<AgentTask> CompleteAsync(Message? message = null, CancellationToken cancellationToken = default) =>
        MoveAsync(TaskState.Completed, message, cancellationToken);

    /// <summary>Finishes the task successfully with an agent text message.</summary>
    public Task<AgentTask> CompleteAsync(string text, CancellationToken cancellationToken = default) =>
        MoveAsync(TaskState.Completed, text, cancellationToken);

    /// <summary>Finishes the task with an error; the message should say what went wrong.</summary>
    public Task<AgentTask> FailAsync(Message? message = null, CancellationToken cancellationToken = default) =>
        MoveAsync(TaskState.Failed, message, cancellationToken);

    /// <summary>Finishes the task with an error described by <paramref name="text"/>.</summary>
    public Task<AgentTask> FailAsync(string text, CancellationToken cancellationToken = default) =>
        MoveAsync(TaskState.Failed, text, cancellationToken);

    /// <summary>Cancels the task (<see cref="Errors.TaskNotCancelableException"/> when it is terminal).</summary>
    public Task<AgentTask> CancelAsync(Message? message = null, CancellationToken cancellationToken = default) =>
        Untyped.CancelAsync(message, cancellationToken);

    /// <summary>Streams a text artifact or one chunk of it (first chunk without <paramref name="append"/>, the last with <paramref name="lastChunk"/>).</summary>
    /// <returns>The artifact id, to pass to the following chunks.</returns>
    public Task<string> AddTextArtifactAsync(string text, string? artifactId = null, string? name = null, bool append = false, bool lastChunk = false, CancellationToken cancellationToken = default) =>
        Untyped.AddArtifactAsync([Part.FromText(text)], artifactId, name, append, lastChunk, cancellationToken: cancellationToken);

    /// <summary>A new agent text message for this task.</summary>
    public Message NewAgentMessage(string text) => Untyped.NewAgentMessage(text);

    /// <summary>Moves the task to <paramref name="state"/> (used by generated methods for declared optional states).</summary>
    protected Task<AgentTask> MoveAsync(TaskState state, Message? message, CancellationToken cancellationToken) =>
        Untyped.UpdateStatusAsync(state, message, cancellationToken: cancellationToken);

    /// <summary>Moves the task to <paramref name="state"/> with an agent text message.</summary>
    protected Task<AgentTask> MoveAsync(TaskState state, string text, CancellationToken cancellationToken) =>
        Untyped.UpdateStatusAsync(state, Untyped.NewAgentMessage(text), cancellationToken: cancellationToken);

    /// <summary>Adds a single-part artifact that ends with this chunk (used by generated typed-artifact methods).</summary>
    protected Task<string> AddTypedArtifactAsync(Part data, string name, string? artifactId, CancellationToken cancellationToken) =>
        Untyped.AddArtifactAsync([data], artifactId, name, lastChunk: true, cancellationToken: cancellationToken);
}
