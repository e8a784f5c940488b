using A2A.Protocol;

namespace A2A.Agents;

/// <summary>
/// Base of every generated <c>{Name}Context</c>: what a handler receives for one incoming message.
/// </summary>
/// <typeparam name="TUpdater">The agent's generated, typed updater.</typeparam>
public abstract class AgentContext<TUpdater>
    where TUpdater : AgentTaskUpdater
{
    /// <summary>Creates a context.</summary>
    protected AgentContext(Message message, AgentTask task, TUpdater updater)
    {
        Message = message ?? throw new ArgumentNullException(nameof(message));
        Task = task ?? throw new ArgumentNullException(nameof(task));
        Updater = updater ?? throw new ArgumentNullException(nameof(updater));
    }

    /// <summary>The incoming message.</summary>
    public Message Message { get; }

    /// <summary>The task the message started or continues, as it was when the handler was called.</summary>
    public AgentTask Task { get; }

    /// <summary>The typed updater for the task: only this agent's transitions and artifacts.</summary>
    public TUpdater Updater { get; }

    /// <summary>The text of the incoming message's text parts, joined.</summary>
    public string Text => Message.GetText();

    /// <summary>
    /// Whether the incoming message started the task (it named no task id) rather than continuing it, for example
    /// with the answer to an input-required question. Unlike counting history entries, this does not change when
    /// the agent writes status messages into the history.
    /// </summary>
    public bool IsFirstTurn => string.IsNullOrEmpty(Message.TaskId);
}
