using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using A2A.Errors;
using A2A.Protocol;

namespace A2A.Storage;

/// <summary>
/// A thread-safe <see cref="ITaskStore"/> in process memory, for tests, samples and single-instance agents.
/// Each task has its own lock, so writers of different tasks never wait for each other; every value it keeps is a
/// private snapshot (see the remarks), so callers cannot change stored tasks through references they hold.
/// </summary>
/// <remarks>
/// Model types are immutable records; on write the store snapshots every list, map, byte buffer and JSON element
/// the caller passed in, and hands out those snapshots, whose collections are read-only types only the runtime can
/// create. Handing out the snapshot itself is therefore as safe as a copy, without the cost of one per read.
/// Event logs are kept whole for the task's lifetime (they make replay and late subscribers exact).
/// </remarks>
public sealed class InMemoryTaskStore : ITaskStore
{
    private readonly ConcurrentDictionary<string, Entry> _tasks = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<StoredTask?> GetAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_tasks.TryGetValue(taskId, out Entry? entry) ? entry.Current : null);
    }

    /// <inheritdoc />
    public ValueTask<StoredTask> CreateAsync(AgentTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentException.ThrowIfNullOrEmpty(task.Id, "task.Id");
        cancellationToken.ThrowIfCancellationRequested();

        AgentTask snapshot = ModelSnapshot.Freeze(task);
        var entry = new Entry(new StoredTask(snapshot, 1), new TaskEventRecord(1, StreamResponse.From(snapshot)));
        if (!_tasks.TryAdd(task.Id, entry))
        {
            throw new TaskAlreadyExistsException(task.Id);
        }

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
        lock (entry.Gate)
        {
            long actual = entry.Current.Version;
            if (actual != expectedVersion)
            {
                throw new TaskVersionConflictException(task.Id, expectedVersion, actual);
            }

            stored = new StoredTask(snapshot, actual + 1);
            entry.Log.Add(new TaskEventRecord(stored.Version, frozenChange));
            entry.Current = stored;
            if (entry.Changed is { } waiting)
            {
                changed = waiting;
                entry.Changed = null;
            }
        }

        changed?.SetResult(); // wakes subscribers; they run on the thread pool, not on this writer's thread
        return ValueTask.FromResult(stored);
    }

    /// <inheritdoc />
    public ValueTask<TaskPage> ListAsync(TaskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        if (query.PageSize is < 1 or > TaskQuery.MaxPageSize)
        {
            throw new InvalidParamsException($"pageSize must be between 1 and {TaskQuery.MaxPageSize}; got {query.PageSize}.");
        }

        int offset = 0;
        if (!string.IsNullOrEmpty(query.PageToken)
            && (!int.TryParse(query.PageToken, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            throw new InvalidParamsException("pageToken is not a token this server issued; pass the nextPageToken of the previous page, or none for the first page.");
        }

        List<AgentTask> matching = _tasks.Values
            .Select(entry => entry.Current.Task)
            .Where(task => Matches(task, query))
            .OrderByDescending(task => task.Status.Timestamp ?? DateTimeOffset.MinValue)
            .ThenBy(task => task.Id, StringComparer.Ordinal)
            .ToList();

        AgentTask[] page = matching.Skip(offset).Take(query.PageSize).ToArray();
        int next = offset + page.Length;
        string nextToken = next < matching.Count ? next.ToString(CultureInfo.InvariantCulture) : "";
        return ValueTask.FromResult(new TaskPage(page, nextToken, matching.Count));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<TaskEventRecord>> ReadEventsAsync(string taskId, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        cancellationToken.ThrowIfCancellationRequested();
        Entry entry = Find(taskId);
        lock (entry.Gate)
        {
            // Sequence n lives at index n - 1: the log has no gaps by construction.
            int start = (int)Math.Clamp(afterSequence, 0, entry.Log.Count);
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

    private static bool Matches(AgentTask task, TaskQuery query) =>
        (query.ContextId is null || string.Equals(task.ContextId, query.ContextId, StringComparison.Ordinal))
        && (query.State is null || task.Status.State == query.State)
        && (!query.ActiveOnly || !task.Status.State.IsTerminal())
        && (query.StatusTimestampAfter is null || task.Status.Timestamp > query.StatusTimestampAfter);

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
    }
}
