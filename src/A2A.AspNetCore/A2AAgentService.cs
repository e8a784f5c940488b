using System.Collections.Concurrent;
using A2A.Agents;
using A2A.AspNetCore.Push;
using A2A.AspNetCore.Security;
using A2A.Errors;
using A2A.Protocol;
using A2A.Push;
using A2A.Storage;
using A2A.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace A2A.AspNetCore;

/// <summary>
/// The A2A v1.0 methods for one agent, independent of the transport: requests in, tasks and task events out, every
/// error an <see cref="A2AException"/> of the right type. The JSON-RPC endpoint is a thin layer over it.
/// </summary>
/// <remarks>
/// Each accepted message runs the agent's handler in the background, detached from the HTTP request: a client that
/// disconnects does not cancel the agent; <see cref="CancelTaskAsync"/> does, through the handler's token. When the
/// store is shared by several instances (it implements <see cref="ITaskRunLeases"/>), each run holds a lease on its
/// task: a follow-up for a task another instance is running is refused, a CancelTask received by another instance
/// still fires the handler's token, and the tasks of an instance that stopped are settled by the others.
/// </remarks>
public sealed partial class A2AAgentService : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Run> _runs = new(StringComparer.Ordinal);

    // Every run that started and has not finished its clean-up (it leaves _runs before it releases its lease), so
    // that disposing waits until no run still needs the store.
    private readonly ConcurrentDictionary<Run, byte> _finishing = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly AgentHandler _handler;
    private readonly AgentRunOptions _runOptions;
    private readonly ILogger _logger;
    private readonly RunLeaseKeeper? _leases;
    private readonly PushSupport? _push;
    private readonly ITaskAuthorizer? _authorizer;

    /// <summary>Creates the service for an agent.</summary>
    /// <param name="manager">The agent's task manager (its store and lifecycle).</param>
    /// <param name="handler">The agent's handler, usually from a generated <c>{Name}TaskManager.Bind</c>.</param>
    /// <param name="logger">Where run failures and cancellations are logged.</param>
    /// <param name="runOptions">What a handler exception becomes; <see cref="AgentRunOptions.Default"/> when null.</param>
    /// <param name="runLeaseDuration">
    /// With a store shared by several instances: how long the others wait, after this instance stops renewing its
    /// leases, before they settle the tasks it was running (<see cref="A2AServerOptions.RunLeaseDuration"/> when null).
    /// </param>
    /// <param name="pushNotifications">
    /// The agent's push notification settings when it offers push notifications (its card says so); null when it does
    /// not. The store must then keep push configurations (<see cref="IPushNotificationStore"/>: every store of this
    /// toolkit does).
    /// </param>
    /// <param name="httpClientFactory">
    /// Where push notifications get their <see cref="HttpClient"/>: the named clients
    /// <see cref="PushNotificationHttpClients.PublicOnly"/> and <see cref="PushNotificationHttpClients.AnyNetwork"/>
    /// (registered by <see cref="A2AServiceCollectionExtensions.AddA2AAgentOptions"/>). Null: built-in clients.
    /// </param>
    /// <param name="authorizer">The application's rules on top of task ownership; null: ownership alone.</param>
    /// <exception cref="InvalidOperationException">Push notifications are on and the store does not keep push configurations.</exception>
    public A2AAgentService(
        TaskManager manager,
        AgentHandler handler,
        ILogger<A2AAgentService>? logger = null,
        AgentRunOptions? runOptions = null,
        TimeSpan? runLeaseDuration = null,
        PushNotificationOptions? pushNotifications = null,
        IHttpClientFactory? httpClientFactory = null,
        ITaskAuthorizer? authorizer = null)
    {
        _authorizer = authorizer;
        _runOptions = runOptions ?? AgentRunOptions.Default;
        Tasks = manager ?? throw new ArgumentNullException(nameof(manager));
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        if (manager.Store is ITaskRunLeases leases)
        {
            TimeSpan duration = runLeaseDuration ?? A2AServerOptions.DefaultRunLeaseDuration;
            ArgumentOutOfRangeException.ThrowIfLessThan(duration, A2AServerOptions.MinRunLeaseDuration, nameof(runLeaseDuration));
            _leases = new RunLeaseKeeper(leases, manager, duration, _logger);
        }

        if (pushNotifications is not null)
        {
            if (manager.Store is not IPushNotificationStore configs)
            {
                throw new InvalidOperationException(
                    $"Push notifications are on, but the task store ({manager.Store.GetType().Name}) does not keep push notification configurations (IPushNotificationStore); use the in-memory, SQLite or PostgreSQL store, or turn push notifications off.");
            }

            var sender = new PushNotificationSender(PushNotificationHttpClients.Resolve(httpClientFactory, pushNotifications.AllowPrivateNetworkDestinations), pushNotifications.RequestTimeout);
            var delivery = new PushDeliveryService(manager.Store, configs, pushNotifications, sender, _logger, IsRunning);
            _push = new PushSupport(configs, pushNotifications, delivery);
            delivery.Start();
        }
    }

    /// <summary>The task manager the service works on.</summary>
    public TaskManager Tasks { get; }

    /// <summary>
    /// <c>SendMessage</c>: runs the agent on the message and answers with its direct reply, or with the task once it
    /// is terminal or interrupted (or as soon as the task exists, with <c>returnImmediately</c>).
    /// <paramref name="cancellationToken"/> stops the waiting, not the agent.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="caller">Who sends it: a new task is theirs, and only their own task can be continued. Null: <see cref="TaskCaller.Anonymous"/>.</param>
    /// <param name="cancellationToken">Stops the waiting.</param>
    public async Task<SendMessageResponse> SendMessageAsync(SendMessageRequest request, TaskCaller? caller = null, CancellationToken cancellationToken = default)
    {
        (AgentTurn turn, Run run, Task inlineSaved) = await AcceptAsync(request, caller ?? TaskCaller.Anonymous, cancellationToken).ConfigureAwait(false); // validates historyLength
        int? historyLength = request.Configuration?.HistoryLength;
        bool returnImmediately = request.Configuration?.ReturnImmediately == true;
        if (turn.IsFirstTurn || returnImmediately)
        {
            run.Start();
            if ((await turn.Answered.WaitAsync(cancellationToken).ConfigureAwait(false)).Message is { } reply)
            {
                return new SendMessageResponse { Message = reply };
            }

            await inlineSaved.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!returnImmediately)
        {
            // The turn's own write that settles the task wakes this request directly, with the task as stored: no
            // subscription, no read. Only when the run ends without one (a cancel that came through the store, a
            // follow-up the handler ignored) is the task read back.
            run.Start();
            Task<AgentTask> outcome = turn.Answer.Outcome;
            if (!outcome.IsCompleted)
            {
                await Task.WhenAny(outcome, run.Completion).WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            if (outcome.IsCompletedSuccessfully)
            {
                return new SendMessageResponse { Task = outcome.Result.WithHistoryLength(historyLength) };
            }
        }

        return new SendMessageResponse { Task = await Tasks.GetTaskAsync(turn.Task.Id, historyLength, CancellationToken.None).ConfigureAwait(false) };
    }

    /// <summary>
    /// <c>SendStreamingMessage</c>: runs the agent on the message and streams its answer: a direct reply as the one
    /// event of the stream, or the task snapshot first, then every change in order, ending at a terminal or
    /// interrupted state. Errors in the request are thrown before the first item. <paramref name="cancellationToken"/>
    /// stops the stream, not the agent.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="caller">Who sends it, as for <see cref="SendMessageAsync"/>.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    public async Task<IAsyncEnumerable<StreamResponse>> SendStreamingMessageAsync(SendMessageRequest request, TaskCaller? caller = null, CancellationToken cancellationToken = default)
    {
        (AgentTurn turn, Run run, Task inlineSaved) = await AcceptAsync(request, caller ?? TaskCaller.Anonymous, cancellationToken).ConfigureAwait(false);
        if (turn.IsFirstTurn)
        {
            run.Start();
            if ((await turn.Answered.WaitAsync(cancellationToken).ConfigureAwait(false)).Message is { } reply)
            {
                return new[] { StreamResponse.From(reply) }.ToAsyncEnumerable(); // the stream's one event
            }

            await inlineSaved.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return Stream(await OpenEventsAsync(turn, run, cancellationToken).ConfigureAwait(false));
    }

    /// <summary><c>SubscribeToTask</c>: the task's current snapshot, then its changes until it is terminal or interrupted.</summary>
    /// <param name="request">The request.</param>
    /// <param name="caller">Who asks; only the task's owner can subscribe. Null: <see cref="TaskCaller.Anonymous"/>.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    /// <exception cref="TaskNotFoundException">Unknown task, or not the caller's.</exception>
    /// <exception cref="UnsupportedOperationException">The task is terminal: there is nothing left to stream.</exception>
    public async Task<IAsyncEnumerable<StreamResponse>> SubscribeToTaskAsync(SubscribeToTaskRequest request, TaskCaller? caller = null, CancellationToken cancellationToken = default)
    {
        string id = RequireId(request?.Id);
        AgentTask task = (await AuthorizeAsync(id, caller, TaskOperation.Subscribe, cancellationToken).ConfigureAwait(false)).Task;
        if (task.Status.State.IsTerminal())
        {
            throw new UnsupportedOperationException($"Task {id} is {task.Status.State.ToWireName()}, a terminal state, and cannot be subscribed to; read it with GetTask.");
        }

        IAsyncEnumerator<TaskEventRecord> events = Subscribe(id, cancellationToken);
        await events.MoveNextAsync().ConfigureAwait(false);
        return Stream(events);
    }

    /// <summary><c>GetTask</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="caller">Who asks; only the task's owner can read it. Null: <see cref="TaskCaller.Anonymous"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="TaskNotFoundException">Unknown task, or not the caller's.</exception>
    public async Task<AgentTask> GetTaskAsync(GetTaskRequest request, TaskCaller? caller = null, CancellationToken cancellationToken = default)
    {
        string id = RequireId(request?.Id);
        int? historyLength = CheckHistoryLength(request!.HistoryLength);
        return (await AuthorizeAsync(id, caller, TaskOperation.Read, cancellationToken).ConfigureAwait(false)).Task.WithHistoryLength(historyLength);
    }

    /// <summary>
    /// <c>ListTasks</c>: the caller's tasks, newest status first, with the request's filters, page size (1 to 100) and
    /// page token. With an <see cref="ITaskAuthorizer"/>, a page holds only the tasks it lets the caller read (it may
    /// then be shorter than the page size while more pages follow).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="caller">Whose tasks to list. Null: <see cref="TaskCaller.Anonymous"/> (the tasks nobody owns).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<ListTasksResponse> ListTasksAsync(ListTasksRequest request, TaskCaller? caller = null, CancellationToken cancellationToken = default)
    {
        request ??= new ListTasksRequest();
        caller ??= TaskCaller.Anonymous;
        int pageSize = TaskQuery.CheckPageSize(request.PageSize ?? TaskQuery.DefaultPageSize);

        int? historyLength = CheckHistoryLength(request.HistoryLength);
        TaskPage page = await Tasks.ListTasksAsync(
            new TaskQuery
            {
                Owner = caller.Owner,
                ContextId = string.IsNullOrEmpty(request.ContextId) ? null : request.ContextId,
                State = request.Status == TaskState.Unspecified ? null : request.Status,
                StatusTimestampAfter = request.StatusTimestampAfter,
                PageSize = pageSize,
                PageToken = string.IsNullOrEmpty(request.PageToken) ? null : request.PageToken,
            },
            cancellationToken).ConfigureAwait(false);
        bool artifacts = request.IncludeArtifacts == true;
        IReadOnlyList<AgentTask> listed = page.Tasks;
        if (_authorizer is not null)
        {
            var allowed = new List<AgentTask>(listed.Count);
            foreach (AgentTask task in listed)
            {
                if (await _authorizer.AuthorizeAsync(caller, task, TaskOperation.Read, cancellationToken).ConfigureAwait(false))
                {
                    allowed.Add(task);
                }
            }

            listed = allowed;
        }

        return new ListTasksResponse
        {
            Tasks = listed.Select(t => Shape(t, historyLength, artifacts)).ToArray(),
            NextPageToken = page.NextPageToken,
            PageSize = pageSize,
            TotalSize = page.TotalSize,
        };
    }

    /// <summary>
    /// <c>CancelTask</c>: a task whose handler is running is canceled through the handler's token (the runtime records
    /// the cancellation when the handler stops); any other non-terminal task is canceled directly. Idempotent (spec
    /// 3.3.1): cancelling a task that is already canceled answers that task.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="caller">Who asks; only the task's owner can cancel it. Null: <see cref="TaskCaller.Anonymous"/>.</param>
    /// <param name="cancellationToken">Stops the waiting for the handler to stop.</param>
    /// <exception cref="TaskNotFoundException">Unknown task, or not the caller's.</exception>
    /// <exception cref="TaskNotCancelableException">The task is in another terminal state.</exception>
    public async Task<AgentTask> CancelTaskAsync(CancelTaskRequest request, TaskCaller? caller = null, CancellationToken cancellationToken = default)
    {
        string id = RequireId(request?.Id);
        await AuthorizeAsync(id, caller, TaskOperation.Cancel, cancellationToken).ConfigureAwait(false);
        try
        {
            AgentTask canceled = await CancelOnceAsync(id, cancellationToken).ConfigureAwait(false);
            if (_push is not null)
            {
                _ = WakeDeliveryAsync(id); // the cancellation is news for the task's webhooks
            }

            return canceled;
        }
        catch (TaskNotCancelableException refused) when (refused.State == TaskState.Canceled)
        {
            return await Tasks.GetTaskAsync(id, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<AgentTask> CancelOnceAsync(string id, CancellationToken cancellationToken)
    {
        if (_runs.TryGetValue(id, out Run? run))
        {
            run.Cancel();
            await run.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
            AgentTask after = await Tasks.GetTaskAsync(id, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            if (after.Status.State == TaskState.Canceled)
            {
                return after;
            }

            // The handler finished the task its own way before the cancellation landed.
            if (after.Status.State.IsTerminal())
            {
                throw new TaskNotCancelableException(id, after.Status.State);
            }
        }

        return await Tasks.CancelTaskAsync(id, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a handler is currently running for the task.</summary>
    public bool IsRunning(string taskId) => _runs.ContainsKey(taskId);

    /// <summary>Cancels every running handler and waits for them to stop.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_runs.Values.Concat(_finishing.Keys).Select(r => r.Completion)).ConfigureAwait(false);
        if (_leases is not null)
        {
            await _leases.DisposeAsync().ConfigureAwait(false);
        }

        if (_push is not null)
        {
            await _push.Delivery.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    // Returns, with the turn and its run, the storing of the message's inline push configuration: done for a follow-up,
    // pending for a new task until the handler's first event creates it (await it after starting the run).
    private async Task<(AgentTurn Turn, Run Run, Task InlineConfigSaved)> AcceptAsync(SendMessageRequest request, TaskCaller caller, CancellationToken cancellationToken)
    {
        if (request?.Message is not { } message)
        {
            throw new InvalidParamsException("params.message is required.");
        }

        if (message.Role != Role.User)
        {
            throw new InvalidParamsException($"A client message must have role ROLE_USER; got {message.Role}.");
        }

        CheckHistoryLength(request.Configuration?.HistoryLength);
        TaskPushNotificationConfig? inline = PrepareInlineConfig(request);
        bool followUp = !string.IsNullOrEmpty(message.TaskId);

        // Only the task's owner continues it; anyone else is told it does not exist, before anything is reserved.
        if (followUp)
        {
            await AuthorizeAsync(message.TaskId!, caller, TaskOperation.Continue, cancellationToken).ConfigureAwait(false);
        }

        // A follow-up reserves its task first, so two racing follow-ups cannot both append a message; the loser is
        // refused before anything is written.
        var run = new Run(this);
        if (followUp && !_runs.TryAdd(message.TaskId!, run))
        {
            throw new UnsupportedOperationException(
                $"Task {message.TaskId} is still being worked on; send the follow-up once it asks for input (or follow it with SubscribeToTask).");
        }

        AgentTurn turn;
        try
        {
            // Validation (and a follow-up's write) happen here, on the request: a refused message leaves nothing behind.
            if (inline is not null && followUp)
            {
                await CheckRoomForConfigAsync(message.TaskId!, inline, cancellationToken).ConfigureAwait(false);
            }

            // With a shared store, the run's lease rides on the turn's writes: a new task is stored with it (a direct
            // reply, which stores nothing, takes none), and a follow-up's message is appended with it, refused whole
            // while another instance runs the task.
            RunLease? lease = _leases is null ? null : new RunLease(_leases.Owner, _leases.Duration);
            turn = await AgentRunner.AcceptAsync(Tasks, message, caller, lease, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A refused follow-up releases its reservation and ends the run it will never start, so a CancelTask that
            // found it meanwhile stops waiting.
            if (followUp)
            {
                _runs.TryRemove(new KeyValuePair<string, Run>(message.TaskId!, run));
            }

            run.Abandon();
            throw;
        }

        run.Turn = turn;
        if (!followUp)
        {
            // Registered under the id the task will have, so that CancelTask finds the run once the task exists.
            _runs[turn.Task.Id] = run;
        }

        Task inlineSaved = Task.CompletedTask;
        if (followUp && inline is null && _push is not null)
        {
            // The task may have configurations whose deliverer is not running here (it ran on an instance that
            // stopped): this instance picks them up now rather than at its next poll.
            _ = WakeDeliveryAsync(message.TaskId!);
        }

        if (inline is not null)
        {
            // A follow-up's configuration is stored before its run starts, so it sees every event of the run.
            inlineSaved = SaveInlineConfigAsync(turn, inline);
            if (followUp)
            {
                await inlineSaved.ConfigureAwait(false);
            }
        }

        return (turn, run, inlineSaved);
    }

    private IAsyncEnumerator<TaskEventRecord> Subscribe(string taskId, CancellationToken cancellationToken) =>
        Tasks.SubscribeAsync(taskId, new TaskSubscriptionOptions { EndAtInterruption = true }, cancellationToken).GetAsyncEnumerator(cancellationToken);

    // The events of the turn's task, from its first one on. A follow-up subscribes and takes the snapshot before the
    // handler starts, so no event of the run can be missed; the message was accepted, so the handler starts whatever
    // happens to this response. A new task is read from its creation event on, since its handler has already started.
    private async Task<IAsyncEnumerator<TaskEventRecord>> OpenEventsAsync(AgentTurn turn, Run run, CancellationToken cancellationToken)
    {
        var options = new TaskSubscriptionOptions { EndAtInterruption = true, AfterSequence = turn.IsFirstTurn ? 0 : null };
        IAsyncEnumerator<TaskEventRecord> events = Tasks.SubscribeAsync(turn.Task.Id, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            await events.MoveNextAsync().ConfigureAwait(false);
            return events;
        }
        catch
        {
            await events.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            run.Start();
        }
    }

    // A task's stream carries the task, status updates and artifact updates. A message in the task's event log is a
    // follow-up appended to its history (it shows in the next snapshot), not an event of the stream.
    private static async IAsyncEnumerable<StreamResponse> Stream(IAsyncEnumerator<TaskEventRecord> events)
    {
        await using (events.ConfigureAwait(false))
        {
            yield return events.Current.Event;
            while (await events.MoveNextAsync().ConfigureAwait(false))
            {
                if (events.Current.Event.Kind != StreamResponseKind.Message)
                {
                    yield return events.Current.Event;
                }
            }
        }
    }

    /// <summary>
    /// The stored task, when <paramref name="caller"/> may perform <paramref name="operation"/> on it: it owns the
    /// task, and the application's <see cref="ITaskAuthorizer"/> (if any) agrees.
    /// </summary>
    /// <exception cref="TaskNotFoundException">Unknown task, or the caller may not use it (indistinguishable on purpose).</exception>
    private async Task<StoredTask> AuthorizeAsync(string taskId, TaskCaller? caller, TaskOperation operation, CancellationToken cancellationToken)
    {
        caller ??= TaskCaller.Anonymous;
        StoredTask? stored = await Tasks.Store.GetAsync(taskId, cancellationToken).ConfigureAwait(false);
        if (stored is null || !caller.Owns(stored.Owner)
            || (_authorizer is not null && !await _authorizer.AuthorizeAsync(caller, stored.Task, operation, cancellationToken).ConfigureAwait(false)))
        {
            throw new TaskNotFoundException(taskId);
        }

        return stored;
    }

    private static AgentTask Shape(AgentTask task, int? historyLength, bool artifacts)
    {
        task = task.WithHistoryLength(historyLength);
        return artifacts || task.Artifacts.Count == 0 ? task : task with { Artifacts = [] };
    }

    private static string RequireId(string? id) =>
        string.IsNullOrEmpty(id) ? throw new InvalidParamsException("params.id (the task id) is required.") : id;

    private static int? CheckHistoryLength(int? historyLength) =>
        historyLength < 0 ? throw new InvalidParamsException($"historyLength must be 0 or more; got {historyLength}.") : historyLength;

    /// <summary>One handler run: created when a message is accepted, started once the response is ready to observe it.</summary>
    private sealed class Run(A2AAgentService service)
    {
        // How long a run goes unwatched for a cancel sent to another instance: short next to a person's wait for a
        // cancel, long next to the handlers that answer at once and would otherwise pay the watch's reads.
        private static readonly TimeSpan RemoteCancelWatchDelay = TimeSpan.FromMilliseconds(250);

        private readonly CancellationTokenSource _cancel = CancellationTokenSource.CreateLinkedTokenSource(service._stopping.Token);
        private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _started;

        public AgentTurn Turn { get; set; } = null!;

        public System.Threading.Tasks.Task Completion => _completion.Task;

        public void Cancel()
        {
            try
            {
                _cancel.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The run already ended.
            }
        }

        /// <summary>Ends a run that will never start (its message was refused).</summary>
        public void Abandon()
        {
            if (Interlocked.Exchange(ref _started, 1) == 0)
            {
                _cancel.Dispose();
                _completion.TrySetResult();
            }
        }

        public void Start()
        {
            if (Interlocked.Exchange(ref _started, 1) == 0)
            {
                service._finishing.TryAdd(this, 0);
                _ = System.Threading.Tasks.Task.Run(RunAsync);
            }
        }

        private async System.Threading.Tasks.Task RunAsync()
        {
            using var watching = new CancellationTokenSource();
            System.Threading.Tasks.Task watch = service._leases is null ? System.Threading.Tasks.Task.CompletedTask : WatchForRemoteCancelAsync(watching.Token);
            try
            {
                await AgentRunner.RunHandlerAsync(Turn, service._handler, service._runOptions, _cancel.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
            {
                service._logger.LogInformation("Task {TaskId} was canceled while its handler ran.", Turn.Task.Id);
            }
            catch (Exception ex)
            {
                // AgentRunner has already failed the task if it could; this is a store or runtime failure.
                service._logger.LogError(ex, "Running the handler for task {TaskId} failed.", Turn.Task.Id);
            }
            finally
            {
                await watching.CancelAsync().ConfigureAwait(false);
                await watch.ConfigureAwait(false);
                service._runs.TryRemove(new KeyValuePair<string, Run>(Turn.Task.Id, this));
                if (service._leases is not null && HoldsLease)
                {
                    await service._leases.ReleaseAsync(Turn.Task.Id).ConfigureAwait(false);
                }

                _cancel.Dispose();
                _completion.TrySetResult();
                service._finishing.TryRemove(this, out _);
            }
        }

        // Whether the run's own write finished the task (which ended its lease in the same write).
        private bool FinishedByRun => Turn.Answer.Outcome is { IsCompletedSuccessfully: true } outcome && outcome.Result.Status.State.IsTerminal();

        // Whether this run still holds its task's lease when it ends: a follow-up's lease, or a new task's once the task
        // was stored (with its lease), unless the run finished the task.
        private bool HoldsLease => (!Turn.IsFirstTurn || Turn.HasTask) && !FinishedByRun;

        // With a shared store, a CancelTask may reach another instance, which cancels the task in the store: the task's
        // log shows it here, and the handler's token fires as if the request had come to this instance. A handler that
        // ends within RemoteCancelWatchDelay is never watched (most are; a cancel that reaches it meanwhile stops it at
        // its next write, which the store refuses); the first look after the delay catches a cancel that came before.
        // The run's own writes are known here, so the log is read only when someone else wrote (a cancel can only come
        // after the run's last write: once it is stored, no write of the run succeeds).
        private async System.Threading.Tasks.Task WatchForRemoteCancelAsync(CancellationToken stop)
        {
            ITaskStore store = service.Tasks.Store;
            try
            {
                await System.Threading.Tasks.Task.Delay(RemoteCancelWatchDelay, stop).ConfigureAwait(false);
                if ((await Turn.Answered.WaitAsync(stop).ConfigureAwait(false)).Task is null)
                {
                    return; // a direct reply: no task to cancel
                }

                long seen = 0;
                while (!FinishedByRun)
                {
                    long after = Math.Max(seen, Turn.Answer.Known.Current?.Version ?? 0);
                    await store.WaitForEventsAsync(Turn.Task.Id, after, stop).ConfigureAwait(false);
                    if ((Turn.Answer.Known.Current?.Version ?? 0) > after)
                    {
                        continue; // the run's own write: look again from it
                    }

                    seen = after;
                    // Not canceled mid-read: one short read costs less than stopping it (see TaskEventSignals).
                    foreach (TaskEventRecord record in await store.ReadEventsAsync(Turn.Task.Id, after, 64, CancellationToken.None).ConfigureAwait(false))
                    {
                        seen = record.Sequence;
                        TaskState? state = record.Event.StatusUpdate?.Status.State ?? record.Event.Task?.Status.State;
                        if (state == TaskState.Canceled)
                        {
                            Cancel();
                            return;
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (TaskNotFoundException)
            {
                // Deleted: nothing left to watch.
            }
            catch (Exception ex) when (ex is TaskStoreException or ObjectDisposedException)
            {
                // The store is unreachable; a cancel sent to another instance will not reach this run.
                service._logger.LogWarning(ex, "Watching task {TaskId} for a cancellation from another instance failed.", Turn.Task.Id);
            }
        }
    }
}
