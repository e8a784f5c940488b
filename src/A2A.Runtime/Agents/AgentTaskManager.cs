using A2A.Lifecycle;
using A2A.Protocol;
using A2A.Storage;
using A2A.Tasks;

namespace A2A.Agents;

/// <summary>
/// Base of every generated <c>{Name}TaskManager</c>: a runtime <see cref="TaskManager"/> over a store, fixed to the
/// agent's lifecycle. Generated subclasses add the typed updater factory and <c>ExecuteAsync</c>.
/// </summary>
public abstract class AgentTaskManager
{
    /// <summary>Creates the manager over <paramref name="store"/> with the agent's <paramref name="lifecycle"/>.</summary>
    protected AgentTaskManager(ITaskStore store, TaskLifecycle lifecycle, TimeProvider? timeProvider) =>
        Runtime = new TaskManager(store, lifecycle, timeProvider);

    /// <summary>The runtime manager underneath (same store, same lifecycle).</summary>
    public TaskManager Runtime { get; }

    /// <summary>Reads a task (<see cref="Errors.TaskNotFoundException"/> when unknown).</summary>
    public Task<AgentTask> GetTaskAsync(string taskId, int? historyLength = null, CancellationToken cancellationToken = default) =>
        Runtime.GetTaskAsync(taskId, historyLength, cancellationToken);

    /// <summary>Cancels a task (<see cref="Errors.TaskNotCancelableException"/> when it is terminal).</summary>
    public Task<AgentTask> CancelTaskAsync(string taskId, CancellationToken cancellationToken = default) =>
        Runtime.CancelTaskAsync(taskId, cancellationToken: cancellationToken);

    /// <summary>Streams a task's events: snapshot first, then every change, ending at a terminal state.</summary>
    public IAsyncEnumerable<TaskEventRecord> SubscribeAsync(string taskId, TaskSubscriptionOptions? options = null, CancellationToken cancellationToken = default) =>
        Runtime.SubscribeAsync(taskId, options, cancellationToken);
}
