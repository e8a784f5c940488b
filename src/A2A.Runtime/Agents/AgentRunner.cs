using System.Diagnostics;
using A2A.Diagnostics;
using A2A.Errors;
using A2A.Protocol;
using A2A.Tasks;

namespace A2A.Agents;

/// <summary>
/// Runs an agent handler for one incoming message, the way the generated <c>{Name}TaskManager.ExecuteAsync</c> and
/// the server binding do: start a new task (or continue the one the message names), call the handler, and make
/// sure the handler cannot leave the task active behind it.
/// </summary>
public static class AgentRunner
{
    /// <summary>The status message of a task whose handler threw (the JS SDK's "Agent execution error" wording).</summary>
    public const string HandlerFailedMessage = "Agent execution error: the agent failed while handling the message.";

    /// <summary>
    /// Starts or continues the task for <paramref name="message"/> and runs <paramref name="handler"/> on it.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>A message without a task id creates a task (submitted, with the message as first history entry); one
    /// with a task id is appended to that task, which must exist and must not be terminal.</item>
    /// <item>If the handler throws, the task fails with <see cref="HandlerFailedMessage"/> (the exception's message is
    /// added only when <see cref="AgentRunOptions.IncludeExceptionMessage"/> says so), unless it already reached a
    /// terminal state; the failure is counted in <see cref="A2ATelemetry.HandlerFailures"/>.</item>
    /// <item>If <paramref name="cancellationToken"/> fires, the task is canceled (if still active).</item>
    /// <item>If the handler returns while the task is still submitted or working, the task fails with a message that
    /// says so: an agent that forgets to finish must not leave clients waiting forever.</item>
    /// </list>
    /// </remarks>
    /// <returns>The task as stored after the handler ran.</returns>
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
        AgentTask task = await AcceptAsync(manager, message, cancellationToken).ConfigureAwait(false);
        return await RunHandlerAsync(manager, task, handler, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The first half of <see cref="RunAsync"/>: creates the task for a message without a task id, or appends the
    /// message to the task it names. A server calls it on the request, so a refused message is an error response
    /// and nothing is written.
    /// </summary>
    /// <exception cref="TaskNotFoundException">The message names a task that does not exist.</exception>
    /// <exception cref="InvalidTaskStateException">The message names a terminal task (-32004 on the wire).</exception>
    /// <exception cref="InvalidParamsException">The message is malformed or names another context.</exception>
    public static Task<AgentTask> AcceptAsync(TaskManager manager, Message message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(message);
        return string.IsNullOrEmpty(message.TaskId)
            ? manager.CreateTaskAsync(message, cancellationToken: cancellationToken)
            : manager.UpdateWithMessageAsync(message.TaskId, message, cancellationToken);
    }

    /// <summary>
    /// The second half of <see cref="RunAsync"/>: runs <paramref name="handler"/> on an accepted task and settles
    /// it (failed on an exception, canceled on <paramref name="cancellationToken"/>, failed if left active).
    /// </summary>
    /// <returns>The task as stored after the handler ran.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the task is canceled.</exception>
    public static Task<AgentTask> RunHandlerAsync(
        TaskManager manager,
        AgentTask task,
        Func<AgentTask, TaskUpdater, CancellationToken, Task> handler,
        CancellationToken cancellationToken = default) =>
        RunHandlerAsync(manager, task, handler, AgentRunOptions.Default, cancellationToken);

    /// <summary>
    /// <see cref="RunHandlerAsync(TaskManager, AgentTask, Func{AgentTask, TaskUpdater, CancellationToken, Task}, CancellationToken)"/>
    /// with <paramref name="options"/> deciding what a handler exception becomes.
    /// </summary>
    /// <returns>The task as stored after the handler ran.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the task is canceled.</exception>
    public static async Task<AgentTask> RunHandlerAsync(
        TaskManager manager,
        AgentTask task,
        Func<AgentTask, TaskUpdater, CancellationToken, Task> handler,
        AgentRunOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(handler);
        TaskUpdater updater = manager.CreateUpdater(task);

        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await handler(task, updater, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await FinishIfActiveAsync(manager, task.Id, TaskState.Canceled, null).ConfigureAwait(false);
            throw;
        }
        catch (Exception ex)
        {
            A2ATelemetry.HandlerFailures.Add(1, new TagList { { "error.type", ex.GetType().FullName } });
            try
            {
                options.OnHandlerException?.Invoke(task, ex);
            }
            catch (Exception)
            {
                // A failing log sink must not leave the task working.
            }

            string text = options.IncludeExceptionMessage ? $"{HandlerFailedMessage} {ex.GetType().Name}: {ex.Message}" : HandlerFailedMessage;
            await FinishIfActiveAsync(manager, task.Id, TaskState.Failed, text).ConfigureAwait(false);
            return await manager.GetTaskAsync(task.Id, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }

        AgentTask after = await manager.GetTaskAsync(task.Id, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        if (after.Status.State is TaskState.Submitted or TaskState.Working)
        {
            // A canceled token the handler ignored still means the client asked to cancel.
            if (cancellationToken.IsCancellationRequested)
            {
                await FinishIfActiveAsync(manager, task.Id, TaskState.Canceled, null).ConfigureAwait(false);
                throw new OperationCanceledException(cancellationToken);
            }

            await FinishIfActiveAsync(manager, task.Id, TaskState.Failed,
                $"Agent execution error: the handler returned while the task was still {after.Status.State.ToWireName()}. " +
                "A handler must complete, fail, cancel or reject the task, or ask for input or authentication, before it returns.").ConfigureAwait(false);
            after = await manager.GetTaskAsync(task.Id, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }

        return after;
    }

    private static async Task FinishIfActiveAsync(TaskManager manager, string taskId, TaskState state, string? text)
    {
        TaskUpdater updater = manager.CreateUpdater(taskId, "");
        try
        {
            await updater.UpdateStatusAsync(state, text is null ? null : updater.NewAgentMessage(text), cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
        catch (InvalidTaskStateException)
        {
            // The handler already finished the task (or it was canceled meanwhile): that outcome stands.
        }
    }
}
