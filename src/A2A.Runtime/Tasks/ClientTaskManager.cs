using A2A.Errors;
using A2A.Lifecycle;
using A2A.Protocol;

namespace A2A.Tasks;

/// <summary>
/// Client-side view of one remote task: feed it the events you receive and read the task back. Events are checked
/// against the lifecycle, so a peer that updates a finished task is caught instead of silently believed.
/// </summary>
/// <remarks>Not thread-safe: one manager per task, fed from one place.</remarks>
public sealed class ClientTaskManager
{
    private readonly TaskLifecycle _lifecycle;
    private AgentTask? _task;

    /// <summary>Creates a manager with no task yet.</summary>
    /// <param name="lifecycle">The lifecycle to check events against; <see cref="TaskLifecycle.Full"/> (any agent) when null.</param>
    public ClientTaskManager(TaskLifecycle? lifecycle = null) => _lifecycle = lifecycle ?? TaskLifecycle.Full;

    /// <summary>The tracked task's id, once known.</summary>
    public string? TaskId => _task?.Id;

    /// <summary>The tracked task's context id, once known.</summary>
    public string? ContextId => _task?.ContextId;

    /// <summary>The task as known so far, or null before the first task event (and for an answer that was a direct reply).</summary>
    public AgentTask? GetTask() => _task;

    /// <summary>
    /// The agent's latest direct reply: a message that answered <c>SendMessage</c> (or was the one event of a
    /// <c>SendStreamingMessage</c> stream) without a task. Null when the answers so far were task events.
    /// </summary>
    public Message? Reply { get; private set; }

    /// <summary>The task as known so far.</summary>
    /// <exception cref="A2AClientInvalidStateException">No task event has arrived yet.</exception>
    public AgentTask GetTaskOrThrow() =>
        _task ?? throw new A2AClientInvalidStateException(
            "No task is known yet: feed the task or events from SendMessage/SendStreamingMessage to Process or SaveTaskEvent first.");

    /// <summary>
    /// Applies a received event and returns it. A message without a task id is the agent's direct reply: it is kept
    /// as <see cref="Reply"/> and changes no task.
    /// </summary>
    /// <exception cref="InvalidAgentResponseException">The event breaks the protocol.</exception>
    /// <exception cref="A2AClientInvalidStateException">The event is for another task than the one tracked.</exception>
    public StreamResponse Process(StreamResponse change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Kind == StreamResponseKind.Message && string.IsNullOrEmpty(change.Message!.TaskId))
        {
            Reply = change.Message;
        }
        else
        {
            SaveTaskEvent(change);
        }

        return change;
    }

    /// <summary>
    /// Applies the answer of <c>SendMessage</c> and returns it: a task is folded like a snapshot; a direct reply is
    /// kept as <see cref="Reply"/> (or, when it names the tracked task, added to its history).
    /// </summary>
    /// <exception cref="InvalidAgentResponseException">The answer breaks the protocol.</exception>
    /// <exception cref="A2AClientInvalidStateException">The answer is for another task than the one tracked.</exception>
    public SendMessageResponse Process(SendMessageResponse answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        Process(answer.Task is { } task ? StreamResponse.From(task)
            : answer.Message is { } message ? StreamResponse.From(message)
            : throw new InvalidAgentResponseException("A SendMessage answer must carry a task or a message; this one carries neither."));
        return answer;
    }

    /// <summary>Applies a task event (snapshot, status update, artifact update, or a message of the task) and returns the task.</summary>
    /// <exception cref="InvalidAgentResponseException">The event breaks the protocol.</exception>
    /// <exception cref="A2AClientInvalidStateException">The event is for another task than the one tracked.</exception>
    public AgentTask SaveTaskEvent(StreamResponse change)
    {
        ArgumentNullException.ThrowIfNull(change);
        string? eventTaskId = change.TaskId;
        if (_task is not null && !string.IsNullOrEmpty(eventTaskId) && eventTaskId != _task.Id)
        {
            throw new A2AClientInvalidStateException(
                $"This manager tracks task '{_task.Id}' but received an event for task '{eventTaskId}'. Use one ClientTaskManager per task.");
        }

        _task = TaskProjection.ApplyRemote(_task, change, _lifecycle);
        return _task;
    }

    /// <summary>
    /// Records a message the client is about to send on <paramref name="task"/>: the current status message moves
    /// into history first, then the message is appended. Returns the updated task, which becomes the tracked task.
    /// </summary>
    /// <exception cref="A2AClientInvalidStateException"><paramref name="task"/> is not the tracked task.</exception>
    /// <exception cref="InvalidTaskStateException"><paramref name="task"/> is terminal: a message to it would be refused (-32004).</exception>
    public AgentTask UpdateWithMessage(Message message, AgentTask task)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(task);
        if (_task is not null && task.Id != _task.Id)
        {
            throw new A2AClientInvalidStateException($"This manager tracks task '{_task.Id}', not '{task.Id}'. Use one ClientTaskManager per task.");
        }

        _task = TaskProjection.Apply(task, StreamResponse.From(message with
        {
            TaskId = string.IsNullOrEmpty(message.TaskId) ? task.Id : message.TaskId,
            ContextId = string.IsNullOrEmpty(message.ContextId) ? task.ContextId : message.ContextId,
        }), _lifecycle);
        return _task;
    }
}
