using A2A.Protocol;
using A2A.Tasks;

namespace A2A.Agents;

/// <summary>
/// One incoming message accepted for an agent, and how the agent answers it: with the task the message starts or
/// continues, or with a direct reply message (A2A lets <c>SendMessage</c> answer either way). Made by
/// <see cref="AgentRunner.AcceptAsync(TaskManager, Message, TaskCaller, CancellationToken)"/>, run by <see cref="AgentRunner.RunHandlerAsync(AgentTurn, AgentHandler, AgentRunOptions?, CancellationToken)"/>.
/// </summary>
/// <remarks>
/// A message that starts a task does not store it yet: the task is created by the handler's first task event
/// (a status update, an artifact, a cancel), so a handler that replies instead leaves no task behind. A message that
/// continues a task is already in that task's history.
/// </remarks>
public sealed class AgentTurn
{
    private readonly TurnAnswer _answer;

    internal AgentTurn(TurnAnswer answer, Message message)
    {
        _answer = answer;
        Message = message;
        Updater = new TaskUpdater(answer);
    }

    /// <summary>The incoming message, as the client sent it.</summary>
    public Message Message { get; }

    /// <summary>
    /// The task as accepted: the task the message continues, or, for a message that starts one, the submitted task
    /// the handler's first update stores (its id and context id are final).
    /// </summary>
    public AgentTask Task => _answer.Task;

    /// <summary>Who sent the message; a task the message starts is stored as theirs.</summary>
    public TaskCaller Caller => _answer.Caller;

    /// <summary>True when the message starts a task (it names no task id) rather than continuing one.</summary>
    public bool IsFirstTurn => string.IsNullOrEmpty(Message.TaskId);

    /// <summary>The updater the handler drives the task with, and answers with a direct reply through.</summary>
    public TaskUpdater Updater { get; }

    /// <summary>The handler's direct reply, once it gave one; null while the answer is (or will be) the task.</summary>
    public Message? Reply => _answer.Reply;

    /// <summary>Whether the task is stored (or being stored): the answer is then the task, never a reply.</summary>
    public bool HasTask => _answer.TaskStarted;

    /// <summary>
    /// Completes with the turn's first answer: the direct reply, or the task as soon as it is stored. A host that
    /// returns immediately, or starts a stream, waits for this. Faults with <see cref="Errors.InternalErrorException"/>
    /// only when the turn ended without either (the store failed).
    /// </summary>
    public Task<SendMessageResponse> Answered => _answer.First;

    internal TurnAnswer Answer => _answer;
}
