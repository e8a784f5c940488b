using A2A.Protocol;
using A2A.Tasks;

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

    /// <summary>
    /// The task the message continues, as it was when the handler was called; or, for a message that starts a task,
    /// the submitted task that the handler's first update stores (its id and context id are final). A handler that
    /// replies with <see cref="ReplyAsync(string, CancellationToken)"/> instead never stores it.
    /// </summary>
    public AgentTask Task { get; }

    /// <summary>The typed updater for the task: only this agent's transitions and artifacts.</summary>
    public TUpdater Updater { get; }

    /// <summary>
    /// Answers the incoming message with a direct agent text message instead of a task (A2A's <c>result.message</c>):
    /// for a quick answer, or a clarifying question before any work starts. Only for a message that starts a task,
    /// and only before the first update: no task is then created, and later updates throw.
    /// </summary>
    /// <returns>The reply as the client receives it.</returns>
    /// <exception cref="InvalidOperationException">The task already exists (an update created it, or the message continues it), or the handler already replied.</exception>
    public System.Threading.Tasks.Task<Message> ReplyAsync(string text, CancellationToken cancellationToken = default) =>
        Updater.Untyped.ReplyAsync(text, cancellationToken);

    /// <summary>Answers the incoming message with <paramref name="reply"/> (role agent) instead of a task; see <see cref="ReplyAsync(string, CancellationToken)"/>.</summary>
    public System.Threading.Tasks.Task<Message> ReplyAsync(Message reply, CancellationToken cancellationToken = default) =>
        Updater.Untyped.ReplyAsync(reply, cancellationToken);

    /// <summary>
    /// Who sent the incoming message: <see cref="TaskCaller.User"/> is the principal the host authenticated (an
    /// unauthenticated one when nobody signed in), <see cref="TaskCaller.Tenant"/> the tenant the request named.
    /// </summary>
    public TaskCaller Caller => Updater.Untyped.Caller;

    /// <summary>The text of the incoming message's text parts, joined.</summary>
    public string Text => Message.GetText();

    /// <summary>
    /// Whether the incoming message started the task (it named no task id) rather than continuing it, for example
    /// with the answer to an input-required question. Unlike counting history entries, this does not change when
    /// the agent writes status messages into the history.
    /// </summary>
    public bool IsFirstTurn => string.IsNullOrEmpty(Message.TaskId);
}
