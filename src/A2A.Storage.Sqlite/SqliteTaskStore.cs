using System.Collections.Concurrent;
using A2A.Errors;
using A2A.Json;
using A2A.Protocol;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace A2A.Storage.Sqlite;

/// <summary>
/// A durable <see cref="ITaskStore"/> in one SQLite file: tasks and their ordered event logs survive a restart, every
/// write is a compare-and-swap on the task's version with its event appended in the same transaction, ListTasks pages
/// by index, and finished tasks are kept, compacted or expired as <see cref="TaskRetentionOptions"/> says.
/// </summary>
/// <remarks>
/// SQLite has one writer at a time, so this store has one connection for writes and one committer at a time: the
/// caller that finds no commit running commits, on its own thread, every write queued by then (up to
/// <see cref="SqliteTaskStoreOptions.MaxWritesPerCommit"/>) in one transaction, so concurrent writers share one wait
/// for the disk (group commit) and a lone writer pays no thread hop. A write returns only after its commit. Reads use
/// their own pooled connections and never wait for the writer (WAL mode). One store per file per process; another
/// process may read and write the same file, its events reaching this process's subscribers within
/// <see cref="SqliteTaskStoreOptions.PollInterval"/>.
/// </remarks>
public sealed partial class SqliteTaskStore : ITaskStore, ITaskRunLeases, IAsyncDisposable, IDisposable
{
    private readonly SqliteTaskStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly string _readConnectionString;
    private readonly string _source;
    private readonly SqliteConnection _writer;
    private readonly ConcurrentQueue<Write> _pending = new();
    private readonly SemaphoreSlim _committing = new(1, 1);
    private readonly WriterCommands _commands;
    private readonly List<Write> _batch = [];
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private volatile bool _disposed;
    private readonly TaskEventSignals _signals;
    private readonly ILogger _logger;
    private long _nextSweepTicks;
    private long _commits;

    /// <summary>Opens (and creates, when missing) the store at <paramref name="connectionString"/>, keeping every task.</summary>
    public SqliteTaskStore(string connectionString)
        : this(new SqliteTaskStoreOptions { ConnectionString = connectionString })
    {
    }

    /// <summary>Opens (and creates, when missing) the store, upgrading an older schema.</summary>
    /// <param name="options">The file, durability, group commit and retention.</param>
    /// <param name="timeProvider">The clock for retention; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Where rows the store cannot read are reported; none when null.</param>
    /// <exception cref="ArgumentException">The options are not valid; the message says which and why.</exception>
    /// <exception cref="TaskStoreException">The file cannot be opened or is not a task store.</exception>
    public SqliteTaskStore(SqliteTaskStoreOptions options, TimeProvider? timeProvider = null, ILogger<SqliteTaskStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _signals = new TaskEventSignals(options.PollInterval, _time);
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString)
        {
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
            Mode = SqliteOpenMode.ReadWriteCreate,
        };
        _source = builder.DataSource;
        _readConnectionString = builder.ToString();
        _writer = new SqliteConnection(new SqliteConnectionStringBuilder(_readConnectionString) { Pooling = false }.ToString());
        try
        {
            _writer.Open();
            SqliteSchema.Ensure(_writer, _source);
            using var pragma = new SqliteCommand(
                $"PRAGMA synchronous = {(options.Durability == SqliteDurability.Full ? "FULL" : "NORMAL")}; PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds};",
                _writer);
            pragma.ExecuteNonQuery();
        }
        catch (SqliteException ex)
        {
            _writer.Dispose();
            throw Failure("could not be opened", ex);
        }

        _commands = new WriterCommands(_writer);
    }

    /// <inheritdoc />
    public async ValueTask<StoredTask?> GetAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        await SweepIfDueAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAsync(async connection =>
        {
            await using SqliteCommand command = Command(connection, "SELECT version, task, task_owner FROM a2a_tasks WHERE id = $id;", ("$id", taskId));
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new StoredTask(StoredJson.Task(reader.GetString(1), taskId, _source), reader.GetInt64(0), reader.GetString(2))
                : null;
        }, "read a task", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<StoredTask> CreateAsync(AgentTask task, string? owner = null, CancellationToken cancellationToken = default) =>
        Create(task, owner, firstChange: null, lease: null, cancellationToken);

    /// <inheritdoc />
    public ValueTask<StoredTask> CreateAsync(AgentTask task, string? owner, TaskChange firstChange, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(firstChange);
        return Create(task, owner, firstChange, lease: null, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<StoredTask> CreateLeasedAsync(AgentTask task, string? owner, TaskChange? firstChange, string leaseOwner, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(leaseOwner);
        return Create(task, owner, firstChange, (leaseOwner, leaseDuration), cancellationToken);
    }

    private ValueTask<StoredTask> Create(AgentTask task, string? owner, TaskChange? firstChange, (string, TimeSpan)? lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentException.ThrowIfNullOrEmpty(task.Id, "task.Id");
        firstChange?.EnsureChanges(task.Id);
        bool compact = _options.CompactFinishedTasks && firstChange is not null && firstChange.Result.Status.State.IsTerminal();
        return new ValueTask<StoredTask>(EnqueueAsync(new Write.Create(task, owner ?? "", lease, firstChange, compact), cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask<StoredTask> UpdateAsync(AgentTask task, long expectedVersion, StreamResponse change, CancellationToken cancellationToken = default) =>
        Update(task, expectedVersion, change, lease: null, cancellationToken);

    /// <inheritdoc />
    public ValueTask<StoredTask> UpdateLeasedAsync(AgentTask task, long expectedVersion, StreamResponse change, string leaseOwner, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(leaseOwner);
        return Update(task, expectedVersion, change, (leaseOwner, leaseDuration), cancellationToken);
    }

    private ValueTask<StoredTask> Update(AgentTask task, long expectedVersion, StreamResponse change, (string, TimeSpan)? lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentException.ThrowIfNullOrEmpty(task.Id, "task.Id");
        if (change.Kind == StreamResponseKind.None)
        {
            throw new InvalidParamsException("An event must carry exactly one of task, message, statusUpdate or artifactUpdate.");
        }

        bool compact = _options.CompactFinishedTasks && task.Status.State.IsTerminal();
        return new ValueTask<StoredTask>(EnqueueAsync(new Write.Update(task, expectedVersion, change, compact, lease), cancellationToken));
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeleteAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        return await EnqueueAsync(new Write.Delete(taskId), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<TaskPage> ListAsync(TaskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        TaskQuery.CheckPageSize(query.PageSize);

        TaskListKey? after = string.IsNullOrEmpty(query.PageToken) ? null : TaskListKey.Parse(query.PageToken);
        await SweepIfDueAsync(cancellationToken).ConfigureAwait(false);

        // The page is a seek past the token's key plus one row more, to know whether a next page exists.
        var parameters = new List<(string, object)>();
        (string where, string seek) = TaskListSql.Where(query, after, value =>
        {
            string name = "$p" + (parameters.Count + 1);
            parameters.Add((name, value));
            return name;
        });
        int filterParameters = parameters.Count;
        parameters.Add(("$limit", (long)query.PageSize + 1));
        return await ReadAsync(async connection =>
        {
            List<AgentTask> tasks;
            string next;
            await using (SqliteCommand page = Command(connection, $"SELECT {TaskListSql.PageColumns} FROM a2a_tasks {seek} {TaskListSql.OrderBy} LIMIT $limit;", [.. parameters]))
            await using (SqliteDataReader reader = await page.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                (tasks, next) = await TaskListSql.ReadPageAsync(reader, query.PageSize, _source, _logger, cancellationToken).ConfigureAwait(false);
            }

            await using SqliteCommand count = Command(connection, $"SELECT COUNT(*) FROM a2a_tasks {where};", [.. parameters.Take(filterParameters)]);
            int total = (int)(long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            return new TaskPage(tasks, next, total);
        }, "list tasks", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<TaskEventRecord>> ReadEventsAsync(string taskId, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        return await ReadAsync(async connection =>
        {
            // One read transaction, so the events and the task's existence are seen at the same moment. Deferred: the
            // default (BEGIN IMMEDIATE) takes the write lock, so a read would wait for the writer, and
            // Microsoft.Data.Sqlite retries a busy statement only every 150 ms.
            using SqliteTransaction transaction = connection.BeginTransaction(deferred: true);
            await using SqliteCommand exists = Command(connection, "SELECT 1 FROM a2a_tasks WHERE id = $id;", ("$id", taskId));
            exists.Transaction = transaction;
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                throw new TaskNotFoundException(taskId);
            }

            var events = new List<TaskEventRecord>();
            await using SqliteCommand read = Command(connection, "SELECT seq, event FROM a2a_events WHERE task_id = $id AND seq > $after ORDER BY seq LIMIT $limit;",
                ("$id", taskId), ("$after", afterSequence), ("$limit", (long)maxCount));
            read.Transaction = transaction;
            await using SqliteDataReader reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                long sequence = reader.GetInt64(0);
                events.Add(new TaskEventRecord(sequence, StoredJson.Event(reader.GetString(1), taskId, sequence, _source)));
            }

            return (IReadOnlyList<TaskEventRecord>)events;
        }, "read events", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask WaitForEventsAsync(string taskId, long afterSequence, CancellationToken cancellationToken = default) =>
        _signals.WaitAsync(taskId, afterSequence, VersionAsync, cancellationToken);

    // The version alone, for waiters that only need to know whether the log grew.
    private async ValueTask<long?> VersionAsync(string taskId, CancellationToken cancellationToken) =>
        await ReadAsync(async connection =>
        {
            await using SqliteCommand command = Command(connection, "SELECT version FROM a2a_tasks WHERE id = $id;", ("$id", taskId));
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?;
        }, "read a task's version", cancellationToken).ConfigureAwait(false);

    /// <summary>How many transactions the writer committed (group commit puts several writes in one).</summary>
    internal long Commits => Interlocked.Read(ref _commits);

    /// <summary>Commits the writes still queued, then closes the file.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Commits the writes still queued, then closes the file.</summary>
    public void Dispose()
    {
        _committing.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            while (CommitBatch())
            {
            }

            _commands.Dispose();
            _writer.Dispose();
        }
        finally
        {
            _committing.Release();
        }

        CommitQueued(); // refuses what was queued meanwhile
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryAcquireLeaseAsync(string taskId, string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        return await EnqueueAsync(new Write.Call<bool>((c, now) => c.AcquireLease(taskId, owner, now, now + duration.Ticks)), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask RenewLeasesAsync(string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        await EnqueueAsync(new Write.Call<bool>((c, now) => c.RenewLeases(owner, now + duration.Ticks)), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask ReleaseLeaseAsync(string taskId, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        await EnqueueAsync(new Write.Call<bool>((c, _) => c.ReleaseLease(taskId, owner)), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<string>> TakeExpiredLeasesAsync(string owner, TimeSpan duration, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        return await EnqueueAsync(new Write.TakeLeases(owner, duration, maxCount), cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> EnqueueAsync<T>(Write<T> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);
        _pending.Enqueue(write);
        CommitQueued(write);

        // The caller may stop waiting; the write itself is already queued and commits (or not) as a whole.
        return await write.Result.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    // Group commit without a writer thread: the caller that finds no commit running becomes the committer, on its own
    // thread, and commits everything queued (its own write first among them) in one transaction; callers arriving
    // meanwhile queue for the next transaction, which the committer also runs until its own write is done. A lone
    // write therefore costs no thread hop; what is still queued then is handed to a pool thread.
    private void CommitQueued(Write? mine = null)
    {
        // Whoever holds the lock looks at the queue again after releasing it, so a write queued while the lock was
        // held (its own attempt to commit having failed) is never left behind.
        while (!_pending.IsEmpty && _committing.Wait(0))
        {
            bool handOff = false;
            try
            {
                while (CommitBatch())
                {
                    if (mine is { IsDone: true })
                    {
                        handOff = true;
                        break;
                    }
                }
            }
            finally
            {
                _committing.Release();
            }

            if (handOff)
            {
                if (!_pending.IsEmpty)
                {
                    _ = Task.Run(() => CommitQueued());
                }

                return;
            }
        }
    }

    /// <summary>How many writes wait for a commit (for tests).</summary>
    internal int QueuedWrites => _pending.Count;

    /// <summary>Holds every commit back until disposed, so that tests can queue writes deterministically.</summary>
    internal IDisposable PauseCommits()
    {
        _committing.Wait();
        return new Resume(this);
    }

    private sealed class Resume(SqliteTaskStore store) : IDisposable
    {
        public void Dispose()
        {
            store._committing.Release();
            store.CommitQueued();
        }
    }

    // Sweeps expired finished tasks when the clock says one is due: at most once a second, through the writer.
    private Task SweepIfDueAsync(CancellationToken cancellationToken)
    {
        if (_options.FinishedTaskTimeToLive is null || _time.GetUtcNow().UtcTicks < Interlocked.Read(ref _nextSweepTicks))
        {
            return Task.CompletedTask;
        }

        return EnqueueAsync(new Write.Sweep(), cancellationToken);
    }

    // Commits up to MaxWritesPerCommit queued writes in one transaction (the caller holds _committing); false when
    // nothing was queued. After disposal, queued writes are refused instead.
    private bool CommitBatch()
    {
        _batch.Clear();
        _touched.Clear();
        while (_batch.Count < _options.MaxWritesPerCommit && _pending.TryDequeue(out Write? next))
        {
            _batch.Add(next);
        }

        if (_batch.Count == 0)
        {
            return false;
        }

        if (_writer.State != System.Data.ConnectionState.Open)
        {
            var disposed = new ObjectDisposedException(nameof(SqliteTaskStore), "The SQLite task store was disposed; writes are no longer accepted.");
            _batch.ForEach(write => write.Fail(disposed));
            return true;
        }

        try
        {
            using (SqliteTransaction transaction = _writer.BeginTransaction(deferred: false))
            {
                _commands.Enlist(transaction);
                long now = _time.GetUtcNow().UtcTicks;
                bool finished = false;
                foreach (Write write in _batch)
                {
                    finished |= write.Apply(_commands, now, _touched);
                }

                if (_options.Expires && (finished || _batch.Exists(w => w is Write.Sweep)))
                {
                    Expire(_commands, now, _touched);
                }

                transaction.Commit();
            }

            Interlocked.Increment(ref _commits);
            _batch.ForEach(write => write.Complete());
        }
        catch (Exception ex)
        {
            // Nothing of the batch was committed: every writer in it is told so.
            TaskStoreException failure = Failure("could not commit", ex);
            _batch.ForEach(write => write.Fail(failure));
        }

        foreach (string id in _touched)
        {
            _signals.Wake(id);
        }

        return true;
    }

    // Removes finished tasks past their time-to-live, then beyond the maximum count (the first to finish go first).
    private void Expire(WriterCommands commands, long now, HashSet<string> touched)
    {
        if (_options.FinishedTaskTimeToLive is { } ttl)
        {
            commands.ExpireOlderThan(now - ttl.Ticks, touched);
            Interlocked.Exchange(ref _nextSweepTicks, now + Math.Min(ttl.Ticks, TimeSpan.TicksPerSecond));
        }

        if (_options.MaxFinishedTasks is { } max)
        {
            commands.ExpireBeyond(max, touched);
        }
    }

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read, string what, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(_readConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return await read(connection).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw Failure($"could not {what}", ex);
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = new SqliteCommand(sql, connection);
        foreach ((string name, object value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private TaskStoreException Failure(string what, Exception cause) =>
        cause as TaskStoreException ?? new TaskStoreException($"The SQLite task store at '{_source}' {what}: {cause.Message}", cause);

    /// <summary>One queued write: applied in the writer's transaction, completed after the commit.</summary>
    private abstract class Write
    {
        /// <summary>Writes into the open transaction; true when a task became terminal. A refusal (conflict, not found) writes nothing.</summary>
        public abstract bool Apply(WriterCommands commands, long now, HashSet<string> touched);

        /// <summary>Hands the caller its result (or refusal) once the transaction committed.</summary>
        public abstract void Complete();

        /// <summary>Tells the caller the transaction did not commit.</summary>
        public abstract void Fail(Exception failure);

        /// <summary>Whether the caller has its answer.</summary>
        public abstract bool IsDone { get; }

        // Tasks and events are serialized here, on the calling thread, so that the committer (which writes for
        // everyone, one transaction at a time) only binds strings.
        // A task created with its first change is stored as that change left it, at version 2, both events logged (a
        // compacted finished task keeps only its final snapshot, as an update that finishes it would leave it).
        public sealed class Create(AgentTask task, string owner, (string Owner, TimeSpan Duration)? lease, TaskChange? first, bool compact) : Write<StoredTask>
        {
            private readonly AgentTask _stored = first?.Result ?? task;
            private readonly string _taskJson = A2AJson.Serialize(first?.Result ?? task);
            private readonly string? _createdJson = compact ? null : A2AJson.Serialize(StreamResponse.From(task));
            private readonly string? _changeJson = first is null ? null : A2AJson.Serialize(compact ? StreamResponse.From(first.Result) : first.Event);

            protected override (StoredTask, bool) Run(WriterCommands commands, long now, HashSet<string> touched)
            {
                bool finished = _stored.Status.State.IsTerminal();
                long version = first is null ? 1 : 2;
                if (!commands.InsertTask(_stored, _taskJson, finished ? now : null, owner, version))
                {
                    throw new TaskAlreadyExistsException(task.Id);
                }

                if (_createdJson is not null)
                {
                    commands.InsertEvent(task.Id, 1, _createdJson);
                }

                if (_changeJson is not null)
                {
                    commands.InsertEvent(task.Id, 2, _changeJson);
                }

                if (lease is { } runner && !finished)
                {
                    commands.TakeLease(task.Id, runner.Owner, now + runner.Duration.Ticks);
                }

                touched.Add(task.Id);
                return (new StoredTask(_stored, version, owner), finished);
            }
        }

        // With a lease, the write is a follow-up's: refused whole while another owner's lease runs, and taking the
        // lease otherwise (a finishing write ends it instead).
        public sealed class Update(AgentTask task, long expectedVersion, StreamResponse change, bool compact, (string Owner, TimeSpan Duration)? lease) : Write<StoredTask>
        {
            private readonly string _taskJson = A2AJson.Serialize(task);

            // A compacted finished task keeps its final snapshot as its only event: a replay still rebuilds it.
            private readonly string _eventJson = A2AJson.Serialize(compact ? StreamResponse.From(task) : change);

            protected override (StoredTask, bool) Run(WriterCommands commands, long now, HashSet<string> touched)
            {
                bool finished = task.Status.State.IsTerminal();
                if (lease is { } runner && commands.LeasedToAnother(task.Id, runner.Owner, now))
                {
                    throw new TaskRunningElsewhereException(task.Id);
                }

                if (commands.UpdateTask(task, _taskJson, expectedVersion, finished ? now : null) is not { } owner)
                {
                    long? actual = commands.VersionOf(task.Id);
                    throw actual is null ? new TaskNotFoundException(task.Id) : new TaskVersionConflictException(task.Id, expectedVersion, actual.Value);
                }

                long version = expectedVersion + 1;
                if (compact)
                {
                    commands.DeleteEvents(task.Id);
                }

                commands.InsertEvent(task.Id, version, _eventJson);
                if (finished)
                {
                    commands.EndLease(task.Id); // a finished task has no runner left to answer for it
                }
                else if (lease is { } taken)
                {
                    commands.TakeLease(task.Id, taken.Owner, now + taken.Duration.Ticks);
                }

                touched.Add(task.Id);
                return (new StoredTask(task, version, owner), finished);
            }
        }

        public sealed class Delete(string taskId) : Write<bool>
        {
            protected override (bool, bool) Run(WriterCommands commands, long now, HashSet<string> touched)
            {
                touched.Add(taskId);
                return (commands.DeleteTask(taskId), false);
            }
        }

        public sealed class Sweep : Write<bool>
        {
            protected override (bool, bool) Run(WriterCommands commands, long now, HashSet<string> touched) => (true, false);
        }

        /// <summary>A change to the run leases or push deliveries, at the store's clock (<c>now</c>, in ticks).</summary>
        public sealed class Call<T>(Func<WriterCommands, long, T> change) : Write<T>
        {
            protected override (T, bool) Run(WriterCommands commands, long now, HashSet<string> touched) => (change(commands, now), false);
        }

        public sealed class TakeLeases(string owner, TimeSpan duration, int maxCount) : Write<IReadOnlyList<string>>
        {
            protected override (IReadOnlyList<string>, bool) Run(WriterCommands commands, long now, HashSet<string> touched) =>
                (commands.TakeExpiredLeases(owner, now, now + duration.Ticks, maxCount), false);
        }
    }

    /// <summary>A write whose caller waits for a <typeparamref name="T"/>.</summary>
    private abstract class Write<T> : Write
    {
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _value = default!;
        private Exception? _refused;

        public Task<T> Result => _result.Task;

        public override bool IsDone => _result.Task.IsCompleted;

        public override bool Apply(WriterCommands commands, long now, HashSet<string> touched)
        {
            try
            {
                (_value, bool finished) = Run(commands, now, touched);
                return finished;
            }
            catch (A2AException refused)
            {
                _refused = refused;
                return false;
            }
        }

        public override void Complete()
        {
            if (_refused is not null)
            {
                _result.TrySetException(_refused);
            }
            else
            {
                _result.TrySetResult(_value);
            }
        }

        public override void Fail(Exception failure) => _result.TrySetException(failure);

        protected abstract (T Value, bool Finished) Run(WriterCommands commands, long now, HashSet<string> touched);
    }
}
