using System.Collections.Immutable;
using System.Text.Json;
using A2A.Diagnostics;
using A2A.Errors;
using A2A.Lifecycle;
using A2A.Protocol;
using A2A.Storage;

namespace A2A.Tasks;

/// <summary>
/// Server-side task management over an <see cref="ITaskStore"/>: create, read, list, change and cancel tasks, and
/// stream their events. Every change is checked by the agent's <see cref="TaskLifecycle"/> against the version it
/// read and written with compare-and-swap, so the lifecycle holds across updaters, threads and (with a shared
/// store) processes: of two writers racing to finish a task, exactly one wins and the other gets
/// <see cref="InvalidTaskStateException"/>.
/// </summary>
/// <remarks>Thread-safe. One instance per agent (lifecycle) and store is enough.</remarks>
public sealed class TaskManager
{
    /// <summary>How often a change is retried after losing a compare-and-swap race before giving up.</summary>
    public const int MaxWriteAttempts = 100;

    private readonly TimeProvider _time;
    private TransitionObserver[] _observers = [];

    /// <summary>Creates a manager.</summary>
    /// <param name="store">Where tasks live.</param>
    /// <param name="lifecycle">The agent's lifecycle; <see cref="TaskLifecycle.Full"/> when null.</param>
    /// <param name="timeProvider">Clock for status timestamps; <see cref="TimeProvider.System"/> when null.</param>
    public TaskManager(ITaskStore store, TaskLifecycle? lifecycle = null, TimeProvider? timeProvider = null)
    {
        Store = store ?? throw new ArgumentNullException(nameof(store));
        Lifecycle = lifecycle ?? TaskLifecycle.Full;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The store behind this manager.</summary>
    public ITaskStore Store { get; }

    /// <summary>The lifecycle every change is checked against.</summary>
    public TaskLifecycle Lifecycle { get; }

    /// <summary>
    /// Registers <paramref name="observer"/> to run after every state change this manager commits: a task created
    /// (from <see cref="TaskState.Unspecified"/>), a status update (working → working included, as a reentry), a
    /// snapshot that changes the state, a cancel. It runs after the store accepted the change, on the writer's
    /// thread, once per committed change; refused changes and writers that lose a race are never observed.
    /// </summary>
    /// <remarks>
    /// The counterpart of Stateless's <c>OnTransitioned</c> for stored tasks: a Stateless OnEntry action would run
    /// before the compare-and-swap decides whether the change happens at all. Keep observers quick; an exception
    /// from one propagates to the caller of the change, which is committed regardless, and the remaining observers
    /// do not run for that change.
    /// </remarks>
    /// <returns>Dispose it to stop observing.</returns>
    public IDisposable OnTransitionCommitted(Action<CommittedTransition> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var registration = new TransitionObserver(this, observer);
        ImmutableInterlocked.Update(ref _observers, static (all, added) => [.. all, added], registration);
        return registration;
    }

    /// <summary>Creates a task in <see cref="TaskState.Submitted"/>; the initial message, if any, starts its history.</summary>
    /// <param name="initialMessage">The client message that asked for the task; its task and context ids are filled in.</param>
    /// <param name="contextId">The conversation; taken from the message, or a new id when neither gives one.</param>
    /// <param name="metadata">Optional task metadata.</param>
    /// <param name="taskId">The id to use; a new GUID when null.</param>
    /// <param name="cancellationToken">Cancels the store call.</param>
    /// <param name="owner">The owner key the task is stored with (<see cref="TaskCaller.Owner"/>); null for a task nobody owns.</param>
    /// <exception cref="TaskAlreadyExistsException">A task with <paramref name="taskId"/> exists.</exception>
    /// <exception cref="InvalidParamsException">The message is malformed or names another task or context.</exception>
    public async Task<AgentTask> CreateTaskAsync(
        Message? initialMessage = null,
        string? contextId = null,
        IReadOnlyDictionary<string, JsonElement>? metadata = null,
        string? taskId = null,
        CancellationToken cancellationToken = default,
        string? owner = null)
    {
        return (await StoreNewAsync(NewTask(initialMessage, contextId, metadata, taskId), owner, lease: null, makeChange: null, cancellationToken).ConfigureAwait(false)).Task;
    }

    /// <summary>
    /// Stores a task that does not exist yet (with <paramref name="makeChange"/>'s change applied in the same write, when
    /// given; with <paramref name="lease"/>'s runner lease on it, when the store keeps leases) and observes what it
    /// committed.
    /// </summary>
    /// <exception cref="TaskAlreadyExistsException">A task with the same id exists.</exception>
    /// <exception cref="InvalidTaskStateException">The lifecycle does not allow the change; nothing is stored.</exception>
    internal async Task<StoredTask> StoreNewAsync(AgentTask task, string? owner, RunLease? lease, Func<AgentTask, StreamResponse>? makeChange, CancellationToken cancellationToken)
    {
        TaskChange? first = null;
        if (makeChange is not null)
        {
            Lifecycle.EnsureTransition(task.Id, TaskState.Unspecified, task.Status.State);
            try
            {
                (StreamResponse change, AgentTask next) = Decide(task, makeChange);
                first = new TaskChange(change, next);
            }
            catch (InvalidTaskStateException)
            {
                Refused(task);
                throw;
            }
        }

        StoredTask created = lease is { } runner && Store is ITaskRunLeases leases
            ? await leases.CreateLeasedAsync(task, owner, first, runner.Owner, runner.Duration, cancellationToken).ConfigureAwait(false)
            : first is null
                ? await Store.CreateAsync(task, owner, cancellationToken).ConfigureAwait(false)
                : await Store.CreateAsync(task, owner, first, cancellationToken).ConfigureAwait(false);
        Committed(TaskState.Unspecified, task);
        if (first is not null && (first.Event.StatusUpdate is not null || created.Task.Status.State != task.Status.State))
        {
            Committed(task.Status.State, created.Task);
        }

        return created;
    }

    /// <summary>
    /// The task <see cref="CreateTaskAsync"/> would store, validated but not stored: what a message that starts a
    /// task is checked against before the agent decides whether it needs a task at all.
    /// </summary>
    internal AgentTask NewTask(Message? initialMessage, string? contextId, IReadOnlyDictionary<string, JsonElement>? metadata, string? taskId)
    {
        string id = string.IsNullOrEmpty(taskId) ? NewId() : taskId;
        string context = FirstNonEmpty(contextId, initialMessage?.ContextId) ?? NewId();
        if (initialMessage is not null)
        {
            ModelValidation.Validate(initialMessage, "message");
            if (!string.IsNullOrEmpty(initialMessage.ContextId) && initialMessage.ContextId != context)
            {
                throw new InvalidParamsException($"message.contextId '{initialMessage.ContextId}' does not match the task's context '{context}'.");
            }

            if (!string.IsNullOrEmpty(initialMessage.TaskId) && initialMessage.TaskId != id)
            {
                throw new InvalidParamsException($"message.taskId '{initialMessage.TaskId}' names another task than the one being created ('{id}').");
            }

            initialMessage = initialMessage with { TaskId = id, ContextId = context };
        }

        // Frozen once here, so that the stores' snapshots of it (and of the tasks built from it) copy nothing again.
        return ModelSnapshot.Freeze(new AgentTask
        {
            Id = id,
            ContextId = context,
            Status = new AgentTaskStatus { State = TaskState.Submitted, Timestamp = _time.GetUtcNow() },
            History = initialMessage is null ? [] : [initialMessage],
            Metadata = metadata,
        });
    }

    /// <summary>Reads a task.</summary>
    /// <param name="taskId">The task.</param>
    /// <param name="historyLength">Null for all history, 0 for none, n for the n most recent messages.</param>
    /// <param name="cancellationToken">Cancels the store call.</param>
    /// <exception cref="TaskNotFoundException">The id is unknown.</exception>
    /// <exception cref="InvalidParamsException"><paramref name="historyLength"/> is negative.</exception>
    public async Task<AgentTask> GetTaskAsync(string taskId, int? historyLength = null, CancellationToken cancellationToken = default)
    {
        AgentTask task = (await ReadAsync(taskId, cancellationToken).ConfigureAwait(false)).Task;
        return task.WithHistoryLength(historyLength);
    }

    /// <summary>Reads a task, or returns null when the id is unknown.</summary>
    public async Task<AgentTask?> TryGetTaskAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        return (await Store.GetAsync(taskId, cancellationToken).ConfigureAwait(false))?.Task;
    }

    /// <summary>Lists tasks, newest status first.</summary>
    public async Task<TaskPage> ListTasksAsync(TaskQuery? query = null, CancellationToken cancellationToken = default) =>
        await Store.ListAsync(query ?? new TaskQuery(), cancellationToken).ConfigureAwait(false);

    /// <summary>Lists every task that is not terminal, optionally only in one context.</summary>
    public async Task<IReadOnlyList<AgentTask>> ListActiveTasksAsync(string? contextId = null, CancellationToken cancellationToken = default)
    {
        var tasks = new List<AgentTask>();
        var query = new TaskQuery { ActiveOnly = true, ContextId = contextId, PageSize = TaskQuery.MaxPageSize };
        while (true)
        {
            TaskPage page = await Store.ListAsync(query, cancellationToken).ConfigureAwait(false);
            tasks.AddRange(page.Tasks);
            if (string.IsNullOrEmpty(page.NextPageToken))
            {
                return tasks;
            }

            query = query with { PageToken = page.NextPageToken };
        }
    }

    /// <summary>Merges <paramref name="metadata"/> into the task's metadata (keys in the update win). Refused on terminal tasks.</summary>
    public Task<AgentTask> UpdateMetadataAsync(string taskId, IReadOnlyDictionary<string, JsonElement> metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return ChangeAsync(taskId, current =>
        {
            if (current.Status.State.IsTerminal())
            {
                throw new InvalidTaskStateException(current.Id, current.Status.State, null,
                    $"Cannot change the metadata of task {current.Id}: it is already {current.Status.State.ToWireName()}, a terminal state.");
            }

            var merged = current.Metadata is null ? new Dictionary<string, JsonElement>(StringComparer.Ordinal) : new Dictionary<string, JsonElement>(current.Metadata, StringComparer.Ordinal);
            foreach (KeyValuePair<string, JsonElement> pair in metadata)
            {
                merged[pair.Key] = pair.Value;
            }

            return StreamResponse.From(current with { Metadata = merged });
        }, cancellationToken);
    }

    /// <summary>Moves the task to <paramref name="state"/>, checked by the lifecycle.</summary>
    /// <param name="taskId">The task.</param>
    /// <param name="state">The new state.</param>
    /// <param name="message">Optional agent message for the new status; its task and context ids are filled in.</param>
    /// <param name="metadata">Optional event metadata, merged into the task's.</param>
    /// <param name="cancellationToken">Cancels the store calls.</param>
    /// <exception cref="TaskNotFoundException">The id is unknown.</exception>
    /// <exception cref="InvalidTaskStateException">The lifecycle does not allow the change (for example the task is terminal).</exception>
    public Task<AgentTask> UpdateStatusAsync(
        string taskId,
        TaskState state,
        Message? message = null,
        IReadOnlyDictionary<string, JsonElement>? metadata = null,
        CancellationToken cancellationToken = default) =>
        UpdateStatusAsync(taskId, state, message, metadata, known: null, cancellationToken);

    internal Task<AgentTask> UpdateStatusAsync(string taskId, TaskState state, Message? message, IReadOnlyDictionary<string, JsonElement>? metadata, KnownVersion? known, CancellationToken cancellationToken)
    {
        if (message is not null)
        {
            ModelValidation.Validate(message, "status.message");
        }

        return ChangeAsync(taskId, current => StreamResponse.From(new TaskStatusUpdateEvent
        {
            TaskId = current.Id,
            ContextId = current.ContextId ?? "",
            Status = new AgentTaskStatus { State = state, Message = Attach(message, current), Timestamp = _time.GetUtcNow() },
            Metadata = metadata,
        }), cancellationToken, known);
    }

    /// <summary>Cancels the task.</summary>
    /// <exception cref="TaskNotFoundException">The id is unknown.</exception>
    /// <exception cref="TaskNotCancelableException">The task is already terminal.</exception>
    public Task<AgentTask> CancelTaskAsync(string taskId, Message? reason = null, CancellationToken cancellationToken = default) =>
        CancelTaskAsync(taskId, reason, known: null, cancellationToken);

    internal Task<AgentTask> CancelTaskAsync(string taskId, Message? reason, KnownVersion? known, CancellationToken cancellationToken)
    {
        if (reason is not null)
        {
            ModelValidation.Validate(reason, "status.message");
        }

        return ChangeAsync(taskId, current =>
        {
            if (current.Status.State.IsTerminal())
            {
                throw new TaskNotCancelableException(current.Id, current.Status.State);
            }

            return StreamResponse.From(new TaskStatusUpdateEvent
            {
                TaskId = current.Id,
                ContextId = current.ContextId ?? "",
                Status = new AgentTaskStatus { State = TaskState.Canceled, Message = Attach(reason, current), Timestamp = _time.GetUtcNow() },
            });
        }, cancellationToken, known);
    }

    /// <summary>Adds an artifact, replaces one with the same id, or (with <paramref name="append"/>) extends one.</summary>
    /// <exception cref="InvalidTaskStateException">The task is terminal.</exception>
    /// <exception cref="InvalidAgentResponseException"><paramref name="append"/> names an artifact the task does not have.</exception>
    public Task<AgentTask> AddArtifactAsync(
        string taskId,
        Artifact artifact,
        bool append = false,
        bool lastChunk = false,
        IReadOnlyDictionary<string, JsonElement>? metadata = null,
        CancellationToken cancellationToken = default) =>
        AddArtifactAsync(taskId, artifact, append, lastChunk, metadata, known: null, cancellationToken);

    internal Task<AgentTask> AddArtifactAsync(string taskId, Artifact artifact, bool append, bool lastChunk, IReadOnlyDictionary<string, JsonElement>? metadata, KnownVersion? known, CancellationToken cancellationToken)
    {
        ModelValidation.Validate(artifact, "artifact");
        return ChangeAsync(taskId, current => StreamResponse.From(new TaskArtifactUpdateEvent
        {
            TaskId = current.Id,
            ContextId = current.ContextId ?? "",
            Artifact = artifact,
            Append = append,
            LastChunk = lastChunk,
            Metadata = metadata,
        }), cancellationToken, known);
    }

    /// <summary>Reads one artifact of a task.</summary>
    /// <exception cref="InvalidParamsException">The task has no artifact with that id.</exception>
    public async Task<Artifact> GetArtifactAsync(string taskId, string artifactId, CancellationToken cancellationToken = default)
    {
        AgentTask task = (await ReadAsync(taskId, cancellationToken).ConfigureAwait(false)).Task;
        return task.Artifacts.FirstOrDefault(a => a.ArtifactId == artifactId)
            ?? throw new InvalidParamsException($"Task {taskId} has no artifact '{artifactId}'. Its artifacts: {string.Join(", ", task.Artifacts.Select(a => a.ArtifactId))}.");
    }

    /// <summary>Reads every artifact of a task.</summary>
    public async Task<IReadOnlyList<Artifact>> GetArtifactsAsync(string taskId, CancellationToken cancellationToken = default) =>
        (await ReadAsync(taskId, cancellationToken).ConfigureAwait(false)).Task.Artifacts;

    /// <summary>An aggregator seeded with the task's current state, checked by this manager's lifecycle.</summary>
    public async Task<ResultAggregator> GetAggregatorAsync(string taskId, CancellationToken cancellationToken = default) =>
        new((await ReadAsync(taskId, cancellationToken).ConfigureAwait(false)).Task, Lifecycle);

    /// <summary>Appends a message to the task's history (the current status message moves to history first).</summary>
    /// <exception cref="InvalidTaskStateException">The task is terminal (the wire answers -32004).</exception>
    public async Task<AgentTask> UpdateWithMessageAsync(string taskId, Message message, CancellationToken cancellationToken = default) =>
        (await AppendMessageAsync(taskId, message, lease: null, cancellationToken).ConfigureAwait(false)).Task;

    /// <summary>
    /// <see cref="UpdateWithMessageAsync"/>, returning the task with the version it was stored at; with
    /// <paramref name="lease"/> (a store that keeps leases), the write also takes the task's run lease, or is refused
    /// whole while another instance holds it.
    /// </summary>
    /// <exception cref="TaskRunningElsewhereException">Another instance runs the task; nothing was written.</exception>
    internal async Task<StoredTask> AppendMessageAsync(string taskId, Message message, RunLease? lease, CancellationToken cancellationToken)
    {
        ModelValidation.Validate(message, "message");
        var written = new KnownVersion();
        await ChangeAsync(taskId, current => StreamResponse.From(Attach(message, current)!), cancellationToken, written, lease).ConfigureAwait(false);
        return written.Current!;
    }

    /// <summary>
    /// Saves an event produced by an agent (the "save task event" of other SDKs): a task snapshot creates or
    /// replaces the task, status and artifact updates and messages change it. Returns the task after the event.
    /// </summary>
    /// <exception cref="InvalidParamsException">The event names no task, or a context other than the task's.</exception>
    /// <exception cref="InvalidTaskStateException">The lifecycle does not allow the change.</exception>
    public async Task<AgentTask> ProcessEventAsync(StreamResponse change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        string taskId = change.TaskId is { Length: > 0 } id
            ? id
            : throw new InvalidParamsException("The event names no task: set the task id (a message without a task is a direct reply and is not stored).");

        switch (change.Kind)
        {
            case StreamResponseKind.Task:
                AgentTask snapshot = change.Task!;
                if (await Store.GetAsync(taskId, cancellationToken).ConfigureAwait(false) is null)
                {
                    Lifecycle.EnsureTransition(taskId, TaskState.Unspecified, snapshot.Status.State);
                    try
                    {
                        return (await StoreNewAsync(snapshot, owner: null, lease: null, makeChange: null, cancellationToken).ConfigureAwait(false)).Task;
                    }
                    catch (TaskAlreadyExistsException)
                    {
                        // Created concurrently: fall through and apply the snapshot as a change to it.
                    }
                }

                return await ChangeAsync(taskId, current =>
                {
                    if (current.Status.State.IsTerminal())
                    {
                        throw new InvalidTaskStateException(current.Id, current.Status.State, snapshot.Status.State,
                            $"Task {current.Id} is already {current.Status.State.ToWireName()}, a terminal state; a snapshot may not replace it.");
                    }

                    return change;
                }, cancellationToken).ConfigureAwait(false);
            case StreamResponseKind.StatusUpdate:
                if (change.StatusUpdate!.Status.Message is { } statusMessage)
                {
                    ModelValidation.Validate(statusMessage, "statusUpdate.status.message");
                }

                break;
            case StreamResponseKind.ArtifactUpdate:
                ModelValidation.Validate(change.ArtifactUpdate!.Artifact, "artifactUpdate.artifact");
                break;
            case StreamResponseKind.Message:
                ModelValidation.Validate(change.Message!, "message");
                break;
        }

        return await ChangeAsync(taskId, _ => change, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Streams the task: by default its current snapshot first, then every later event in order, ending after the
    /// event that makes the task terminal. Any number of subscribers each get every event.
    /// </summary>
    /// <exception cref="TaskNotFoundException">The id is unknown (thrown on first iteration).</exception>
    public IAsyncEnumerable<TaskEventRecord> SubscribeAsync(string taskId, TaskSubscriptionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        return TaskEventStream.SubscribeAsync(Store, taskId, options ?? TaskSubscriptionOptions.Default, cancellationToken);
    }

    /// <summary>An agent-side updater for the task.</summary>
    public TaskUpdater CreateUpdater(AgentTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new TaskUpdater(this, task.Id, task.ContextId ?? "");
    }

    /// <summary>An agent-side updater for a task id (the task may be created later with <see cref="TaskUpdater.SubmitAsync"/>).</summary>
    public TaskUpdater CreateUpdater(string taskId, string contextId) => new(this, taskId, contextId);

    internal DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>
    /// The one write path: read the fresh task, build the event from it, fold it through the lifecycle, and
    /// compare-and-swap. Losing a race means someone else changed the task, so everything is decided again on the
    /// new state; a change that was legal a moment ago (complete) may now be refused (already completed).
    /// </summary>
    /// <remarks>
    /// A writer that keeps <paramref name="known"/> (an updater: what it last wrote) skips the read when nobody else
    /// wrote since: the compare-and-swap proves the task unchanged. Only a successful swap trusts that state; a
    /// conflict, or a refusal decided on it, is decided again on a fresh read.
    /// </remarks>
    private async Task<AgentTask> ChangeAsync(string taskId, Func<AgentTask, StreamResponse> makeChange, CancellationToken cancellationToken, KnownVersion? known = null, RunLease? lease = null)
    {
        // A turn's first change to a task it has not stored yet creates the task with the change, in one write.
        if (known?.Turn is { } turn && turn.Task.Id == taskId && await turn.CreateWithAsync(makeChange).ConfigureAwait(false) is { } created)
        {
            return created.Task;
        }

        StoredTask? assumed = known?.Current is { } last && last.Task.Id == taskId ? last : null;
        for (int attempt = 1; ; attempt++)
        {
            StoredTask stored = assumed ?? await ReadAsync(taskId, cancellationToken).ConfigureAwait(false);
            StreamResponse change;
            AgentTask next;
            try
            {
                (change, next) = Decide(stored.Task, makeChange);
            }
            catch (A2AException) when (assumed is not null)
            {
                assumed = null; // decided on an unchecked state: decide again on the stored one
                attempt--;
                continue;
            }
            catch (InvalidTaskStateException)
            {
                Refused(stored.Task);
                throw;
            }

            try
            {
                StoredTask written = lease is { } runner && Store is ITaskRunLeases leases
                    ? await leases.UpdateLeasedAsync(next, stored.Version, change, runner.Owner, runner.Duration, cancellationToken).ConfigureAwait(false)
                    : await Store.UpdateAsync(next, stored.Version, change, cancellationToken).ConfigureAwait(false);
                known?.Remember(written);
                AgentTask saved = written.Task;
                if (change.StatusUpdate is not null || saved.Status.State != stored.Task.Status.State)
                {
                    Committed(stored.Task.Status.State, saved);
                }

                return saved;
            }
            catch (TaskVersionConflictException) when (assumed is not null)
            {
                assumed = null; // someone else wrote since: read what they left
                attempt--;
            }
            catch (TaskVersionConflictException) when (attempt < MaxWriteAttempts)
            {
                // Another writer won; decide again on the state it left.
            }
        }
    }

    // The change to make to the task as it is, and the task after it.
    private (StreamResponse Change, AgentTask Next) Decide(AgentTask current, Func<AgentTask, StreamResponse> makeChange)
    {
        StreamResponse change = makeChange(current);
        return (change, TaskProjection.Apply(current, change, Lifecycle));
    }

    // A change the lifecycle refused on the task as it is stored.
    private static void Refused(AgentTask current) =>
        A2ATelemetry.RefusedChanges.Add(1, new KeyValuePair<string, object?>("a2a.task.state", current.Status.State.ToWireName()));

    // Every committed state change passes here once: counted, then shown to the observers.
    private void Committed(TaskState from, AgentTask saved)
    {
        TaskState to = saved.Status.State;
        A2ATelemetry.TaskTransitions.Add(1, new KeyValuePair<string, object?>("a2a.task.state", to.ToWireName()));
        TransitionObserver[] observers = Volatile.Read(ref _observers);
        if (observers.Length == 0)
        {
            return;
        }

        var transition = new CommittedTransition(new TaskTransition(from, TaskLifecycle.TriggerFor(to), to), saved);
        foreach (TransitionObserver observer in observers)
        {
            observer.Observe(transition);
        }
    }

    private async ValueTask<StoredTask> ReadAsync(string taskId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        return await Store.GetAsync(taskId, cancellationToken).ConfigureAwait(false) ?? throw new TaskNotFoundException(taskId);
    }

    private static Message? Attach(Message? message, AgentTask task)
    {
        if (message is null)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(message.TaskId) && message.TaskId != task.Id)
        {
            throw new InvalidParamsException($"The message names task '{message.TaskId}' but is being added to task '{task.Id}'.");
        }

        if (!string.IsNullOrEmpty(message.ContextId) && message.ContextId != task.ContextId)
        {
            throw new InvalidParamsException($"The message names context '{message.ContextId}' but task {task.Id} belongs to context '{task.ContextId}'. A task never changes context.");
        }

        return message.TaskId == task.Id && message.ContextId == task.ContextId ? message : message with { TaskId = task.Id, ContextId = task.ContextId };
    }

    private static string? FirstNonEmpty(string? first, string? second) =>
        !string.IsNullOrEmpty(first) ? first : !string.IsNullOrEmpty(second) ? second : null;

    private static string NewId() => Guid.NewGuid().ToString();

    private sealed class TransitionObserver(TaskManager manager, Action<CommittedTransition> observe) : IDisposable
    {
        public void Observe(CommittedTransition transition) => observe(transition);

        public void Dispose() => ImmutableInterlocked.Update(ref manager._observers, static (all, removed) => Array.FindAll(all, o => o != removed), this);
    }
}
