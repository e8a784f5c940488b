using System.Diagnostics;
using A2A.Diagnostics;
using A2A.Errors;
using A2A.Protocol;
using A2A.Storage;
using A2A.Tasks;

namespace A2A.Agents;

/// <summary>
/// Runs an agent handler for one incoming message, the way the generated <c>{Name}TaskManager</c> and the server
/// binding do: accept the message (a new task, or the one the message continues), call the handler, and make sure
/// the handler answers: with a direct reply, or with a task it does not leave active behind it.
/// </summary>
public static class AgentRunner
{
    /// <summary>The status message of a task whose handler threw (the JS SDK's "Agent execution error" wording).</summary>
    public const string HandlerFailedMessage = "Agent execution error: the agent failed while handling the message.";

    /// <summary>
    /// Starts or continues the task for <paramref name="message"/> and runs <paramref name="handler"/> on it, for
    /// handlers that always answer with a task. See <see cref="RunTurnAsync"/> for the rules.
    /// </summary>
    /// <returns>The task as stored after the handler ran.</returns>
    /// <exception cref="InvalidOperationException">The handler answered with a direct reply, so there is no task: use <see cref="RunTurnAsync"/>.</exception>
    /// <exception cref="TaskNotFoundException">The message names a task that does not exist.</exception>
    /// <exception cref="InvalidTaskStateException">The message names a terminal task (-32004 on the wire).</exception>
    /// <exception cref="InvalidParamsException">The message is malformed or names another context.</exception>
    public static async Task<AgentTask> RunAsync(
        TaskManager manager,
        Message message,
        Func<AgentTask, TaskUpdater, CancellationToken, Task> handler,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        SendMessageResponse answer = await RunTurnAsync(manager, message, (_, task, updater, token) => handler(task, updater, token), null, cancellationToken).ConfigureAwait(false);
        return TaskOf(answer);
    }

    /// <summary>
    /// Accepts <paramref name="message"/> and runs <paramref name="handler"/> on it; the answer is what
    /// <c>SendMessage</c> returns: the handler's direct reply, or the task.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>A message without a task id starts a task, stored on the handler's first task event (submitted, with the
    /// message as first history entry) unless the handler replies first; one with a task id is appended to that task,
    /// which must exist and must not be terminal.</item>
    /// <item>If the handler throws, the task fails with <see cref="HandlerFailedMessage"/> (the exception's message is
    /// added only when <see cref="AgentRunOptions.IncludeExceptionMessage"/> says so), unless it already reached a
    /// terminal state or the handler had replied; the failure is counted in <see cref="A2ATelemetry.HandlerFailures"/>.</item>
    /// <item>If <paramref name="cancellationToken"/> fires, the task is canceled (if still active).</item>
    /// <item>If the handler returns without replying while the task is still submitted or working (or was never
    /// touched), the task fails with a message that says so: an agent that forgets to answer must not leave clients
    /// waiting forever.</item>
    /// </list>
    /// </remarks>
    /// <exception cref="TaskNotFoundException">The message names a task that does not exist.</exception>
    /// <exception cref="InvalidTaskStateException">The message names a terminal task (-32004 on the wire).</exception>
    /// <exception cref="InvalidParamsException">The message is malformed or names another context.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the task is canceled.</exception>
    public static async Task<SendMessageResponse> RunTurnAsync(
        TaskManager manager,
        Message message,
        AgentHandler handler,
        AgentRunOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        AgentTurn turn = await AcceptAsync(manager, message, cancellationToken).ConfigureAwait(false);
        return await RunHandlerAsync(turn, handler, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The first half of <see cref="RunTurnAsync"/>: checks the message and, when it continues a task, appends it to
    /// that task. A message that starts a task stores nothing yet. A server calls it on the request, so a refused
    /// message is an error response and nothing is written.
    /// </summary>
    /// <exception cref="TaskNotFoundException">The message names a task that does not exist.</exception>
    /// <exception cref="InvalidTaskStateException">The message names a terminal task (-32004 on the wire).</exception>
    /// <exception cref="InvalidParamsException">The message is malformed or names another context.</exception>
    public static Task<AgentTurn> AcceptAsync(TaskManager manager, Message message, CancellationToken cancellationToken = default) =>
        AcceptAsync(manager, message, TaskCaller.Anonymous, cancellationToken);

    /// <summary>
    /// <see cref="AcceptAsync(TaskManager, Message, CancellationToken)"/> for a known caller: a new task is stored as
    /// <paramref name="caller"/>'s, and the handler sees the caller (<see cref="TaskUpdater.Caller"/>). Whether the
    /// caller may continue the task the message names is the host's decision, made before this call.
    /// </summary>
    /// <exception cref="TaskNotFoundException">The message names a task that does not exist.</exception>
    /// <exception cref="InvalidTaskStateException">The message names a terminal task (-32004 on the wire).</exception>
    /// <exception cref="InvalidParamsException">The message is malformed or names another context.</exception>
    public static Task<AgentTurn> AcceptAsync(TaskManager manager, Message message, TaskCaller caller, CancellationToken cancellationToken = default) =>
        AcceptAsync(manager, message, caller, lease: null, cancellationToken);

    /// <summary>
    /// <see cref="AcceptAsync(TaskManager, Message, TaskCaller, CancellationToken)"/> for a host whose store several
    /// instances share: a new task will be stored with <paramref name="lease"/> on it, and a follow-up's message is
    /// appended with the task's lease taken in the same write (refused whole while another instance holds it).
    /// </summary>
    /// <exception cref="TaskRunningElsewhereException">Another instance runs the task the message continues; nothing was written.</exception>
    internal static async Task<AgentTurn> AcceptAsync(TaskManager manager, Message message, TaskCaller caller, RunLease? lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(caller);
        if (string.IsNullOrEmpty(message.TaskId))
        {
            AgentTask pending = manager.NewTask(message, contextId: null, metadata: null, taskId: null);
            TurnAnswer answer = TurnAnswer.ForNewTask(manager, pending, caller);
            answer.Lease = lease;
            return new AgentTurn(answer, message);
        }

        StoredTask continued = await manager.AppendMessageAsync(message.TaskId, message, lease, cancellationToken).ConfigureAwait(false);
        return new AgentTurn(TurnAnswer.ForStoredTask(manager, continued, caller), message);
    }

    /// <summary>
    /// The second half of <see cref="RunTurnAsync"/>: runs <paramref name="handler"/> on an accepted turn and settles
    /// it (failed on an exception, canceled on <paramref name="cancellationToken"/>, failed if left active or unanswered).
    /// </summary>
    /// <returns>The handler's direct reply, or the task as stored after the handler ran.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the task is canceled.</exception>
    public static async Task<SendMessageResponse> RunHandlerAsync(
        AgentTurn turn,
        AgentHandler handler,
        AgentRunOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(handler);
        options ??= AgentRunOptions.Default;
        Exception? unanswered = null;
        try
        {
            return await RunAndSettleAsync(turn, handler, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            unanswered = ex;
            throw;
        }
        finally
        {
            // Whatever happened, a host waiting for the first answer must not wait forever.
            turn.Answer.EndUnanswered(unanswered);
        }
    }

    private static async Task<SendMessageResponse> RunAndSettleAsync(AgentTurn turn, AgentHandler handler, AgentRunOptions options, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await handler(turn.Message, turn.Task, turn.Updater, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (turn.Reply is { } reply)
            {
                return new SendMessageResponse { Message = reply }; // answered before the cancellation: that stands
            }

            await SettleAsync(turn, TaskState.Canceled, null).ConfigureAwait(false);
            throw;
        }
        catch (Exception ex)
        {
            // The task was canceled under the handler (a CancelTask that reached another server instance writes the
            // store before this instance's token fires) and its next write was refused: a cancellation, not a failure.
            if (ex is InvalidTaskStateException && turn.HasTask && await CanceledTaskAsync(turn).ConfigureAwait(false) is { } canceled)
            {
                return new SendMessageResponse { Task = canceled };
            }

            A2ATelemetry.HandlerFailures.Add(1, new TagList { { "error.type", ex.GetType().FullName } });
            try
            {
                options.OnHandlerException?.Invoke(turn.Task, ex);
            }
            catch (Exception)
            {
                // A failing log sink must not leave the task working.
            }

            string text = options.IncludeExceptionMessage ? $"{HandlerFailedMessage} {ex.GetType().Name}: {ex.Message}" : HandlerFailedMessage;
            return await SettleAsync(turn, TaskState.Failed, text).ConfigureAwait(false);
        }

        if (turn.Reply is { } answer)
        {
            return new SendMessageResponse { Message = answer };
        }

        // What the handler forgot, if anything: to answer at all, or to finish the task it started.
        string forgotten;
        if (!turn.HasTask)
        {
            forgotten = "Agent execution error: the handler returned without answering. A handler must reply with a message, or complete, fail, " +
                "cancel or reject the task, or ask for input or authentication, before it returns.";
        }
        else
        {
            // The turn's own write that settled the task needs no read to be believed: a finished task stays finished,
            // and nobody else continues a task while its turn runs.
            AgentTask after = turn.Answer.Outcome is { IsCompletedSuccessfully: true } outcome
                ? outcome.Result
                : await turn.Answer.Manager.GetTaskAsync(turn.Task.Id, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            if (after.Status.State is not (TaskState.Submitted or TaskState.Working))
            {
                return new SendMessageResponse { Task = after };
            }

            forgotten = $"Agent execution error: the handler returned while the task was still {after.Status.State.ToWireName()}. " +
                "A handler must complete, fail, cancel or reject the task, or ask for input or authentication, before it returns.";
        }

        // A canceled token the handler ignored still means the client asked to cancel.
        if (cancellationToken.IsCancellationRequested)
        {
            await SettleAsync(turn, TaskState.Canceled, null).ConfigureAwait(false);
            throw new OperationCanceledException(cancellationToken);
        }

        return await SettleAsync(turn, TaskState.Failed, forgotten).ConfigureAwait(false);
    }

    // Moves the turn's task to a terminal state unless it already is one (storing the task first if the handler never
    // did). A reply that won the race meanwhile is the answer instead.
    private static async Task<SendMessageResponse> SettleAsync(AgentTurn turn, TaskState state, string? text)
    {
        try
        {
            await turn.Answer.EnsureTaskAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException) when (turn.Reply is { } reply)
        {
            return new SendMessageResponse { Message = reply };
        }

        // Through the turn's updater, so the settling write starts from what the turn last stored and is the turn's outcome.
        TaskUpdater updater = turn.Updater;
        try
        {
            return new SendMessageResponse
            {
                Task = await updater.UpdateStatusAsync(state, text is null ? null : updater.NewAgentMessage(text), cancellationToken: CancellationToken.None).ConfigureAwait(false),
            };
        }
        catch (InvalidTaskStateException)
        {
            // The handler already finished the task (or it was canceled meanwhile): that outcome stands.
        }

        return new SendMessageResponse { Task = await turn.Answer.Manager.GetTaskAsync(turn.Task.Id, cancellationToken: CancellationToken.None).ConfigureAwait(false) };
    }

    private static async Task<AgentTask?> CanceledTaskAsync(AgentTurn turn) =>
        await turn.Answer.Manager.TryGetTaskAsync(turn.Task.Id, CancellationToken.None).ConfigureAwait(false) is { Status.State: TaskState.Canceled } task ? task : null;

    private static AgentTask TaskOf(SendMessageResponse answer) =>
        answer.Task ?? throw new InvalidOperationException(
            "The handler answered the message with a direct reply, so there is no task to return. " +
            "Call the method that returns a SendMessageResponse (RunTurnAsync, or the generated manager's SendMessageAsync) to receive either.");
}
