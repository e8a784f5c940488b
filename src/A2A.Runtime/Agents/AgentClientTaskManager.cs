using A2A.Lifecycle;
using A2A.Protocol;
using A2A.Tasks;

namespace A2A.Agents;

/// <summary>
/// Base of every generated <c>{Name}ClientTaskManager</c>: a <see cref="ClientTaskManager"/> that checks received
/// events against the agent's lifecycle. Generated subclasses add typed artifact accessors.
/// </summary>
public abstract class AgentClientTaskManager
{
    /// <summary>Creates the manager for an agent with <paramref name="lifecycle"/>.</summary>
    protected AgentClientTaskManager(TaskLifecycle lifecycle) => Untyped = new ClientTaskManager(lifecycle);

    /// <summary>The untyped runtime manager underneath.</summary>
    public ClientTaskManager Untyped { get; }

    /// <summary>The task as known so far, or null before the first task event.</summary>
    public AgentTask? GetTask() => Untyped.GetTask();

    /// <summary>The task as known so far (<see cref="Errors.A2AClientInvalidStateException"/> before the first task event).</summary>
    public AgentTask GetTaskOrThrow() => Untyped.GetTaskOrThrow();

    /// <summary>The agent's latest direct reply (an answer without a task), or null.</summary>
    public Message? Reply => Untyped.Reply;

    /// <summary>Applies a received event and returns it; events that break the agent's lifecycle throw <see cref="Errors.InvalidAgentResponseException"/>.</summary>
    public StreamResponse Process(StreamResponse change) => Untyped.Process(change);

    /// <summary>Applies the answer of <c>SendMessage</c> (the task, or the agent's direct reply) and returns it.</summary>
    public SendMessageResponse Process(SendMessageResponse answer) => Untyped.Process(answer);

    /// <summary>Records a message the client sends on <paramref name="task"/> (the status message moves to history first).</summary>
    public AgentTask UpdateWithMessage(Message message, AgentTask task) => Untyped.UpdateWithMessage(message, task);

    /// <summary>The latest of <paramref name="values"/>, or the default when there is none (used by generated accessors).</summary>
    protected static T? Latest<T>(IReadOnlyList<T> values) => values.Count == 0 ? default : values[^1];
}
