using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using A2A.Errors;
using A2A.Protocol;

namespace A2A.Storage;

/// <summary>
/// A thread-safe <see cref="ITaskStore"/> in process memory, for tests, samples and single-instance agents.
/// Each task has its own lock, so writers of different tasks only share the list index's brief update (a sorted-set
/// insert and removal); every value it keeps is a private snapshot (see the remarks), so callers cannot change stored
/// tasks through references they hold.
/// </summary>
/// <remarks>
/// Model types are immutable records; on write the store snapshots every list, map, byte buffer and JSON element
/// the caller passed in, and hands out those snapshots, whose collections are read-only types only the runtime can
/// create. Handing out the snapshot itself is therefore as safe as a copy, without the cost of one per read.
/// Event logs are kept whole while a task is active (they make replay and late subscribers exact). Finished tasks
/// are kept, compacted or expired as <see cref="InMemoryTaskStoreOptions"/> says: without retention, memory grows with
/// every task the process ever served.
/// </remarks>
public sealed partial class InMemoryTaskStore : ITaskStore
{
    private readonly ConcurrentDictionary<string, Entry> _tasks = new(StringComparer.Ordinal);
    private readonly InMemoryTaskStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly bool _retains;

    // Finished tasks in the order they finished, for expiry; swept on every store call (O(1) when nothing is due).
    private readonly ConcurrentQueue<(string Id, Entry Entry, DateTimeOffset FinishedAt)> _finished = new();

    // How many entries _finished holds: ConcurrentQueue.Count of a queue that spans segments freezes them for
    // observation (later enqueues then allocate new segments), too dear for a check made on every operation.
    private int _finishedCount;
    private readonly object _sweepGate = new();

    // The ListTasks order (newest status first, then id) over every task and per context, so a page costs a seek and
    // the page, not a sort of every task. Changed under the task's own gate, then this one (always in that order).
    private readonly object _indexGate = new();
    private readonly SortedSet<TaskListKey> _byStatusTime = new(TaskListKey.Order);
    private readonly Dictionary<string, SortedSet<TaskListKey>> _byContext = new(StringComparer.Ordinal);

    /// <summary>A store that keeps every task.</summary>
    public InMemoryTaskStore()
        : this(new InMemoryTaskStoreOptions())
    {
    }

    /// <summary>A store with retention for finished tasks.</summary>
    /// <param name="options">How long finished tasks are kept.</param>
    /// <param name="timeProvider">The clock for time-to-live; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A non-positive time-to-live or a negative maximum.</exception>
    public InMemoryTaskStore(InMemoryTaskStoreOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _retains = options.Expires || options.CompactFinishedTasks;
    }

    /// <inheritdoc />
    public ValueTask<StoredTask?> GetAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        cancellationToken.ThrowIfCancellationRequested();
        Sweep();
        return ValueTask.FromResult(_tasks.TryGetValue(taskId, out Entry? entry) ? entry.Current : null);
    }

    /// <inheritdoc />
    public ValueTask<StoredTask> CreateAsync(AgentTask task, string? owner = null, CancellationToken cancellationToken = default) =>
        Create(task, owner, firstChange: null, cancellationToken);

    /// <inheritdoc />
    public ValueTask<StoredTask> CreateAsync(AgentTask task, string? owner, TaskChange firstChange, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(firstChange);
        return Create(task, owner, firstChange, cancellationToken);
    }

    // A task created with its first change enters the store as that change left it, at version 2, both events logged.
    private ValueTask<StoredTask> Create(AgentTask task, string? owner, TaskChange? firstChange, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentException.ThrowIfNullOrEmpty(task.Id, "task.Id");
        firstChange?.EnsureChanges(task.Id);

        cancellationToken.ThrowIfCancellationRequested();
        AgentTask snapshot = ModelSnapshot.Freeze(task);
        var entry = new Entry(new StoredTask(snapshot, 1, owner ?? ""), new TaskEventRecord(1, StreamResponse.From(snapshot)));
        if (firstChange is not null)
        {
            entry.Current = new StoredTask(ModelSnapshot.Freeze(firstChange.Result), 2, owner ?? "");
            entry.Log.Add(new TaskEventRecord(2, FreezeEvent(firstChange.Event)));
        }

        AgentTask stored = entry.Current.Task;
        lock (entry.Gate)
        {
            if (!_tasks.TryAdd(task.Id, entry))
            {
                throw new TaskAlreadyExistsException(task.Id);
            }

            Index(null, stored);
        }

        if (stored.Status.State.IsTerminal())
        {
            Finished(task.Id, entry);
        }

        Sweep();
        return ValueTask.FromResult(entry.Current);
    }

    /// <inheritdoc />
    public ValueTask<StoredTask> UpdateAsync(AgentTask task, long expectedVersion, StreamResponse change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(change);
        cancellationToken.ThrowIfCancellationRequested();
        Entry entry = Find(task.Id);

        // Snapshot outside the lock: it only reads caller data, and keeps the critical section to a few stores.
        AgentTask snapshot = ModelSnapshot.Freeze(task);
        StreamResponse frozenChange = FreezeEvent(change);
        TaskCompletionSource? changed = null;
        StoredTask stored;
        bool finishing;
        lock (entry.Gate)
        {
            long actual = entry.Current.Version;
            if (actual != expectedVersion)
            {
                throw new TaskVersionConflictException(task.Id, expectedVersion, actual);
            }

            AgentTask before = entry.Current.Task;
            finishing = snapshot.Status.State.IsTerminal() && !before.Status.State.IsTerminal();
            stored = new StoredTask(snapshot, actual + 1, entry.Current.Owner);
            entry.Log.Add(new TaskEventRecord(stored.Version, frozenChange));
            entry.Current = stored;
            Index(before, snapshot);
            if (entry.Changed is { } waiting)
            {
                changed = waiting;
                entry.Changed = null;
            }
        }

        changed?.SetResult(); // wakes subscribers; they run on the thread pool, not on this writer's thread
        if (finishing)
        {
            Finished(task.Id, entry);
        }

        Sweep();
        return ValueTask.FromResult(stored);
    }

    /// <inheritdoc />
    public ValueTask<TaskPage> ListAsync(TaskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        TaskQuery.CheckPageSize(query.PageSize);

        Sweep();
        TaskListKey? after = null;
        if (!string.IsNullOrEmpty(query.PageToken))
        {
            after = TaskListKey.Parse(query.PageToken);
        }

        bool filtered = query.State is not null || query.ActiveOnly || query.StatusTimestampAfter is not null || query.Owner is not null;
        var page = new List<AgentTask>(Math.Min(query.PageSize, 16));
        TaskListKey last = default;
        bool more = false;
        int total;
        lock (_indexGate)
        {
            SortedSet<TaskListKey>? keys = query.ContextId is null ? _byStatusTime : _byContext.GetValueOrDefault(query.ContextId);
            if (keys is null)
            {
                return ValueTask.FromResult(new TaskPage([], "", 0));
            }

            // A page is a seek past the token's key and the page itself (plus one more match, to know whether a next
            // page exists). The total is the index's size; a filtered query counts its matches, newest first, until
            // statusTimestampAfter cuts it off.
            foreach (TaskListKey key in After(keys, after))
            {
                if (Beyond(key, query))
                {
                    break;
                }

                if (!IsMatch(key, query, out AgentTask? task))
                {
                    continue;
                }

                if (page.Count == query.PageSize)
                {
                    more = true;
                    break;
                }

                page.Add(task);
                last = key;
            }

            total = filtered ? keys.TakeWhile(key => !Beyond(key, query)).Count(key => IsMatch(key, query, out _)) : keys.Count;
        }

        return ValueTask.FromResult(new TaskPage(page, more ? last.ToString() : "", total));
    }

    // The keys strictly after `after` in list order (all of them without a token).
    private static IEnumerable<TaskListKey> After(SortedSet<TaskListKey> keys, TaskListKey? after)
    {
        if (after is not { } start)
        {
            return keys;
        }

        if (keys.Count == 0 || TaskListKey.Order.Compare(start, keys.Max) >= 0)
        {
            return [];
        }

        return keys.GetViewBetween(start, keys.Max).Where(key => TaskListKey.Order.Compare(key, start) > 0);
    }

    // Newest first: once a status is no newer than statusTimestampAfter, no later key matches.
    private static bool Beyond(TaskListKey key, TaskQuery query) => query.StatusTimestampAfter is { } since && key.StatusTicks <= since.UtcTicks;

    private bool IsMatch(TaskListKey key, TaskQuery query, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AgentTask? task)
    {
        StoredTask? stored = _tasks.TryGetValue(key.TaskId, out Entry? entry) ? entry.Current : null;
        task = stored?.Task;
        return stored is not null && (query.Owner is null || query.Owner == stored.Owner) && query.Matches(stored.Task);
    }

    // Moves a task's key in the list index: called under the task's gate, so its keys change in write order.
    private void Index(AgentTask? before, AgentTask after)
    {
        TaskListKey key = TaskListKey.Of(after);
        if (before is not null && TaskListKey.Of(before) == key && before.ContextId == after.ContextId)
        {
            return; // an artifact, message or metadata change: the task keeps its place (and the hot path its lock)
        }

        lock (_indexGate)
        {
            if (before is not null)
            {
                Unindex(before);
            }

            _byStatusTime.Add(key);
            if (after.ContextId is { } context)
            {
                if (!_byContext.TryGetValue(context, out SortedSet<TaskListKey>? keys))
                {
                    _byContext[context] = keys = new SortedSet<TaskListKey>(TaskListKey.Order);
                }

                keys.Add(key);
            }
        }
    }

    // Under _indexGate.
    private void Unindex(AgentTask task)
    {
        TaskListKey key = TaskListKey.Of(task);
        _byStatusTime.Remove(key);
        if (task.ContextId is { } context && _byContext.TryGetValue(context, out SortedSet<TaskListKey>? keys) && keys.Remove(key) && keys.Count == 0)
        {
            _byContext.Remove(context);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<TaskEventRecord>> ReadEventsAsync(string taskId, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        cancellationToken.ThrowIfCancellationRequested();
        Entry entry = Find(taskId);
        lock (entry.Gate)
        {
            // Sequence n lives at index n - first: the log has no gaps by construction (a compacted log starts at its
            // final snapshot, which stands for every event before it).
            long first = entry.Log[0].Sequence;
            int start = (int)Math.Clamp(afterSequence - first + 1, 0, entry.Log.Count);
            int count = Math.Min(maxCount, entry.Log.Count - start);
            return ValueTask.FromResult<IReadOnlyList<TaskEventRecord>>(CollectionsMarshal.AsSpan(entry.Log).Slice(start, count).ToArray());
        }
    }

    /// <inheritdoc />
    public ValueTask WaitForEventsAsync(string taskId, long afterSequence, CancellationToken cancellationToken = default)
    {
        Entry entry = Find(taskId);
        Task signal;
        lock (entry.Gate)
        {
            if (entry.Current.Version > afterSequence)
            {
                return ValueTask.CompletedTask;
            }

            signal = (entry.Changed ??= NewSignal()).Task;
        }

        return new ValueTask(signal.WaitAsync(cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_tasks.TryRemove(taskId, out Entry? entry))
        {
            return ValueTask.FromResult(false);
        }

        Removed(entry);
        Wake(entry);
        return ValueTask.FromResult(true);
    }

    // A task reached a terminal state: compact its log if asked, and queue it for expiry.
    private void Finished(string taskId, Entry entry)
    {
        if (!_retains)
        {
            return;
        }

        if (_options.CompactFinishedTasks)
        {
            lock (entry.Gate)
            {
                StoredTask final = entry.Current;
                entry.Log.Clear();
                entry.Log.Add(new TaskEventRecord(final.Version, StreamResponse.From(final.Task)));
                entry.Log.TrimExcess();
            }
        }

        if (_options.Expires)
        {
            _finished.Enqueue((taskId, entry, _time.GetUtcNow()));
            Interlocked.Increment(ref _finishedCount);
        }
    }

    // Removes finished tasks past their time-to-live or beyond the maximum count, oldest first. One sweeper at a time;
    // a call that finds another one sweeping goes on without waiting.
    private void Sweep()
    {
        if (_finished.IsEmpty || !Monitor.TryEnter(_sweepGate))
        {
            return;
        }

        try
        {
            DateTimeOffset now = _time.GetUtcNow();
            while (_finished.TryPeek(out (string Id, Entry Entry, DateTimeOffset FinishedAt) oldest)
                && (Volatile.Read(ref _finishedCount) > (_options.MaxFinishedTasks ?? int.MaxValue)
                    || (_options.FinishedTaskTimeToLive is { } ttl && now - oldest.FinishedAt >= ttl)))
            {
                _finished.TryDequeue(out _);
                Interlocked.Decrement(ref _finishedCount);
                if (_tasks.TryRemove(new KeyValuePair<string, Entry>(oldest.Id, oldest.Entry)))
                {
                    Removed(oldest.Entry);
                    Wake(oldest.Entry);
                }
            }
        }
        finally
        {
            Monitor.Exit(_sweepGate);
        }
    }

    private void Removed(Entry entry)
    {
        lock (entry.Gate)
        {
            lock (_indexGate)
            {
                Unindex(entry.Current.Task);
            }
        }
    }

    // Whoever waits on a removed task's events wakes up and finds it gone.
    private static void Wake(Entry entry)
    {
        TaskCompletionSource? waiting;
        lock (entry.Gate)
        {
            waiting = entry.Changed;
            entry.Changed = null;
        }

        waiting?.SetResult();
    }

    private static StreamResponse FreezeEvent(StreamResponse change)
    {
        switch (change.Kind)
        {
            case StreamResponseKind.Task:
                AgentTask task = ModelSnapshot.Freeze(change.Task!);
                return ReferenceEquals(task, change.Task) ? change : StreamResponse.From(task);
            case StreamResponseKind.Message:
                Message message = ModelSnapshot.Freeze(change.Message!);
                return ReferenceEquals(message, change.Message) ? change : StreamResponse.From(message);
            case StreamResponseKind.StatusUpdate:
                TaskStatusUpdateEvent status = change.StatusUpdate!;
                AgentTaskStatus frozenStatus = ModelSnapshot.Freeze(status.Status);
                IReadOnlyDictionary<string, System.Text.Json.JsonElement>? statusMetadata = ModelSnapshot.FreezeMetadata(status.Metadata);
                return ReferenceEquals(frozenStatus, status.Status) && ReferenceEquals(statusMetadata, status.Metadata)
                    ? change
                    : StreamResponse.From(status with { Status = frozenStatus, Metadata = statusMetadata });
            case StreamResponseKind.ArtifactUpdate:
                TaskArtifactUpdateEvent artifact = change.ArtifactUpdate!;
                Artifact frozenArtifact = ModelSnapshot.Freeze(artifact.Artifact);
                IReadOnlyDictionary<string, System.Text.Json.JsonElement>? artifactMetadata = ModelSnapshot.FreezeMetadata(artifact.Metadata);
                return ReferenceEquals(frozenArtifact, artifact.Artifact) && ReferenceEquals(artifactMetadata, artifact.Metadata)
                    ? change
                    : StreamResponse.From(artifact with { Artifact = frozenArtifact, Metadata = artifactMetadata });
            default:
                throw new InvalidParamsException("An event must carry exactly one of task, message, statusUpdate or artifactUpdate.");
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Entry Find(string taskId)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        return _tasks.TryGetValue(taskId, out Entry? entry) ? entry : throw new TaskNotFoundException(taskId);
    }

    private sealed class Entry(StoredTask current, TaskEventRecord created)
    {
        // Written under Gate, read without it by GetAsync: volatile makes the new version visible at once.
        private volatile StoredTask _current = current;

        public object Gate { get; } = new();

        public StoredTask Current { get => _current; set => _current = value; }

        public List<TaskEventRecord> Log { get; } = [created];

        // Created by the first waiter, completed and cleared by the next write: writers nobody waits for pay nothing.
        public TaskCompletionSource? Changed { get; set; }

        // The task's push notification configurations and delivery claim, under Gate; null until it has any.
        public PushState? Push { get; set; }
    }
}
