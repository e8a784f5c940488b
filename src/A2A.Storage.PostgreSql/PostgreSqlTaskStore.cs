using A2A.Errors;
using A2A.Json;
using A2A.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace A2A.Storage.PostgreSql;

/// <summary>
/// A durable <see cref="ITaskStore"/> in PostgreSQL, shared by every server instance that points at the same
/// database: tasks and their ordered event logs survive restarts, every write is a compare-and-swap on the task's
/// version with its event appended in the same statement, ListTasks pages by index, and finished tasks are kept,
/// compacted or expired as <see cref="TaskRetentionOptions"/> says.
/// </summary>
/// <remarks>
/// The event log is the source of truth for subscribers. After each commit the store sends a NOTIFY carrying only the
/// task's id (from one connection, in batches, outside the write's transaction); every instance listens on one
/// dedicated connection and wakes its local subscribers, which then read the log. A lost notification costs at most
/// <see cref="PostgreSqlTaskStoreOptions.PollInterval"/>, never an event. The schema is created or upgraded on first use.
/// </remarks>
public sealed partial class PostgreSqlTaskStore : ITaskStore, ITaskRunLeases, IAsyncDisposable, IDisposable
{
    // NOTIFY payloads are limited to 8000 bytes; longer ids wake every subscriber (an empty payload) instead.
    private const int MaxNotifiedIdLength = 1000;

    // With compaction, a finishing write also drops the events its final snapshot stands for (the statement sees the
    // log as it was before it, so the snapshot it appends stays).
    private const string CompactEvents = ",\n    d AS (DELETE FROM a2a_events WHERE task_id = $1 AND EXISTS (SELECT 1 FROM u))";

    // A created task's runner takes its lease in the creating statement, whoever held the id's lease before.
    private const string TakeLease = """
        ,
            l AS (INSERT INTO a2a_leases (task_id, owner, expires_at) SELECT id, $13, clock_timestamp() + $14 FROM t
                  ON CONFLICT (task_id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at)
        """;

    // A write that finishes a task ends its lease in the same statement: a finished task has no runner to answer for.
    private const string EndLease = ",\n    l AS (DELETE FROM a2a_leases WHERE task_id = $1 AND EXISTS (SELECT 1 FROM u))";

    // A follow-up's write: only while no other owner's lease runs ($9 is the follow-up's instance), taking the lease
    // in the same statement.
    private const string LeaseFree = " AND NOT EXISTS (SELECT 1 FROM a2a_leases WHERE task_id = $1 AND owner <> $9 AND expires_at > clock_timestamp())";

    private const string KeepLease = """
        ,
            l AS (INSERT INTO a2a_leases (task_id, owner, expires_at) SELECT $1, $9, clock_timestamp() + $10 FROM u
                  ON CONFLICT (task_id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at)
        """;

    // A primary key entry must fit in a third of an index page (about 2700 bytes); this leaves room.
    private const int MaxTaskIdBytes = 2000;

    private readonly PostgreSqlTaskStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _source;
    private readonly TaskEventSignals _signals;
    private readonly ILogger _logger;
    private readonly ChangeListener _listener;
    private readonly ChangeNotifier _notifier;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;
    private long _nextSweepTicks;
    private int _disposed;

    /// <summary>Creates the store for the database of <paramref name="connectionString"/>, keeping every task.</summary>
    public PostgreSqlTaskStore(string connectionString)
        : this(new PostgreSqlTaskStoreOptions { ConnectionString = connectionString })
    {
    }

    /// <summary>Creates the store. Nothing is opened yet: the first call connects, and creates or upgrades the schema.</summary>
    /// <param name="options">The database, polling and retention.</param>
    /// <param name="timeProvider">The clock for retention; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Where rows the store cannot read are reported; none when null.</param>
    /// <exception cref="ArgumentException">The options are not valid; the message says which and why.</exception>
    public PostgreSqlTaskStore(PostgreSqlTaskStoreOptions options, TimeProvider? timeProvider = null, ILogger<PostgreSqlTaskStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        _source = $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
        // The store sets no session state, so a connection going back to the pool needs no DISCARD ALL.
        builder.NoResetOnClose = true;
        _dataSource = NpgsqlDataSource.Create(builder);
        _signals = new TaskEventSignals(options.PollInterval, _time);
        _listener = new ChangeListener(builder, options.ListenKeepAlive, _signals);
        _notifier = new ChangeNotifier(builder);
    }

    /// <summary>
    /// Connects, creates or upgrades the schema, and starts listening for other instances' writes. Optional: every
    /// call does it when needed; call it at start-up to find a wrong connection string before the first request.
    /// </summary>
    /// <exception cref="TaskStoreException">The database cannot be reached, or holds a newer schema.</exception>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_schemaReady)
            {
                ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
                await PostgreSqlSchema.EnsureAsync(_dataSource, _source, cancellationToken).ConfigureAwait(false);
                _listener.Start();
                _schemaReady = true;
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw Failure("could not be opened", ex);
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<StoredTask?> GetAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        await SweepIfDueAsync(cancellationToken).ConfigureAwait(false);
        return await RunAsync(async connection =>
        {
            await using NpgsqlCommand command = Command(connection, "SELECT version, task, task_owner FROM a2a_tasks WHERE id = $1;", Text(taskId));
            await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new StoredTask(StoredJson.Task(reader.GetString(1), taskId, _source), reader.GetInt64(0), reader.GetString(2))
                : null;
        }, "read a task", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<StoredTask> CreateAsync(AgentTask task, string? owner = null, CancellationToken cancellationToken = default) =>
        CreateAsync(task, owner, first: null, lease: null, cancellationToken);

    /// <inheritdoc />
    public ValueTask<StoredTask> CreateAsync(AgentTask task, string? owner, TaskChange firstChange, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(firstChange);
        return CreateAsync(task, owner, firstChange, lease: null, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<StoredTask> CreateLeasedAsync(AgentTask task, string? owner, TaskChange? firstChange, string leaseOwner, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(leaseOwner);
        return CreateAsync(task, owner, firstChange, (leaseOwner, leaseDuration), cancellationToken);
    }

    // A task created with its first change is stored as that change left it, at version 2, both events logged (a
    // compacted finished task keeps only its final snapshot, as an update that finishes it would leave it).
    private async ValueTask<StoredTask> CreateAsync(AgentTask task, string? owner, TaskChange? first, (string Owner, TimeSpan Duration)? lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentException.ThrowIfNullOrEmpty(task.Id, "task.Id");
        if (System.Text.Encoding.UTF8.GetByteCount(task.Id) > MaxTaskIdBytes)
        {
            throw new InvalidParamsException($"The PostgreSQL task store keeps task ids of up to {MaxTaskIdBytes} bytes (UTF-8); this one has {System.Text.Encoding.UTF8.GetByteCount(task.Id)}.");
        }

        first?.EnsureChanges(task.Id);

        AgentTask stored = first?.Result ?? task;
        long now = _time.GetUtcNow().UtcTicks;
        bool finished = stored.Status.State.IsTerminal();
        bool compact = finished && first is not null && _options.CompactFinishedTasks;
        bool leased = lease is not null && !finished;
        long version = first is null ? 1 : 2;

        // The events as (seq, json) rows; $7 is the first one's.
        var events = new List<(long Seq, string Json)>(2);
        if (!compact)
        {
            events.Add((1, A2AJson.Serialize(StreamResponse.From(task))));
        }

        if (first is not null)
        {
            events.Add((2, A2AJson.Serialize(compact ? StreamResponse.From(first.Result) : first.Event)));
        }

        bool created = await WriteAsync(finished, async (connection, transaction) =>
        {
            // The row, its events (and its runner's lease) in one statement; nothing is written when the id exists.
            string secondEvent = events.Count == 2 ? " UNION ALL SELECT id, $10, $11 FROM t" : "";
            await using NpgsqlCommand command = Command(connection, $"""
                WITH t AS (
                    INSERT INTO a2a_tasks (id, context_id, state, status_ticks, version, finished_ticks, task, task_owner)
                    VALUES ($1, $2, $3, $4, $12, $5, $6, $8) ON CONFLICT (id) DO NOTHING RETURNING id),
                e AS (INSERT INTO a2a_events (task_id, seq, event) SELECT id, $9, $7 FROM t{secondEvent} RETURNING task_id){(leased ? TakeLease : "")}
                SELECT task_id FROM e LIMIT 1;
                """,
                [
                    .. TaskColumns(stored, finished ? now : null), Text(events[0].Json), Text(owner ?? ""), Int64(events[0].Seq),
                    .. events.Count == 2 ? new[] { Int64(events[1].Seq), Text(events[1].Json) } : [Int64(0), Text("")],
                    Int64(version),
                    .. leased ? new[] { Text(lease!.Value.Owner), Interval(lease.Value.Duration) } : [],
                ]);
            command.Transaction = transaction;
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
        }, "create a task", cancellationToken).ConfigureAwait(false);

        if (!created)
        {
            throw new TaskAlreadyExistsException(task.Id);
        }

        Changed(task.Id);
        return new StoredTask(stored, version, owner ?? "");
    }

    /// <inheritdoc />
    public ValueTask<StoredTask> UpdateAsync(AgentTask task, long expectedVersion, StreamResponse change, CancellationToken cancellationToken = default) =>
        UpdateAsync(task, expectedVersion, change, lease: null, cancellationToken);

    /// <inheritdoc />
    public ValueTask<StoredTask> UpdateLeasedAsync(AgentTask task, long expectedVersion, StreamResponse change, string leaseOwner, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(leaseOwner);
        return UpdateAsync(task, expectedVersion, change, (leaseOwner, leaseDuration), cancellationToken);
    }

    // With a lease, the write is a follow-up's: it writes nothing while another owner's lease runs, and takes the lease
    // otherwise (a finishing write ends it instead).
    private async ValueTask<StoredTask> UpdateAsync(AgentTask task, long expectedVersion, StreamResponse change, (string Owner, TimeSpan Duration)? lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentException.ThrowIfNullOrEmpty(task.Id, "task.Id");
        if (change.Kind == StreamResponseKind.None)
        {
            throw new InvalidParamsException("An event must carry exactly one of task, message, statusUpdate or artifactUpdate.");
        }

        long now = _time.GetUtcNow().UtcTicks;
        bool finished = task.Status.State.IsTerminal();
        bool compact = finished && _options.CompactFinishedTasks;

        // A compacted finished task keeps its final snapshot as its only event: a replay still rebuilds it.
        StreamResponse logged = compact ? StreamResponse.From(task) : change;
        (long Version, string Owner)? written = await WriteAsync(finished, async (connection, transaction) =>
        {
            // Compare-and-swap, (compaction,) and append in one statement: a row lock serializes racing writers, and
            // the loser's WHERE no longer matches the version the winner wrote.
            await using NpgsqlCommand command = Command(connection, $"""
                WITH u AS (
                    UPDATE a2a_tasks SET context_id = $2, state = $3, status_ticks = $4, version = version + 1,
                        finished_ticks = COALESCE(finished_ticks, $5), task = $6
                    WHERE id = $1 AND version = $7{(lease is null ? "" : LeaseFree)} RETURNING version, task_owner){(compact ? CompactEvents : "")}{(finished ? EndLease : lease is null ? "" : KeepLease)},
                e AS (INSERT INTO a2a_events (task_id, seq, event) SELECT $1, version, $8 FROM u RETURNING seq)
                SELECT e.seq, u.task_owner FROM e, u;
                """,
                [
                    .. TaskColumns(task, finished ? now : null), Int64(expectedVersion), Text(A2AJson.Serialize(logged)),
                    .. lease is { } runner ? new[] { Text(runner.Owner), Interval(runner.Duration) } : [],
                ]);
            command.Transaction = transaction;
            await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (reader.GetInt64(0), reader.GetString(1)) : ((long, string)?)null;
        }, "update a task", cancellationToken).ConfigureAwait(false);

        if (written is not { } version)
        {
            // Nothing written: another instance runs the task, the task is gone, or another writer got there first (the
            // rare path reads once more).
            if (lease is { } refused && await LeasedToAnotherAsync(task.Id, refused.Owner, cancellationToken).ConfigureAwait(false))
            {
                throw new TaskRunningElsewhereException(task.Id);
            }

            long actual = await VersionAsync(task.Id, cancellationToken).ConfigureAwait(false) ?? throw new TaskNotFoundException(task.Id);
            throw new TaskVersionConflictException(task.Id, expectedVersion, Math.Max(actual, expectedVersion + 1));
        }

        Changed(task.Id);
        return new StoredTask(task, version.Version, version.Owner);
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeleteAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        bool deleted = await RunAsync(async connection =>
        {
            await using NpgsqlCommand command = Command(connection, "DELETE FROM a2a_tasks WHERE id = $1;", Text(taskId));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }, "delete a task", cancellationToken).ConfigureAwait(false);
        Changed(taskId);
        return deleted;
    }

    /// <inheritdoc />
    public async ValueTask<TaskPage> ListAsync(TaskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        TaskQuery.CheckPageSize(query.PageSize);

        TaskListKey? after = string.IsNullOrEmpty(query.PageToken) ? null : TaskListKey.Parse(query.PageToken);
        await SweepIfDueAsync(cancellationToken).ConfigureAwait(false);

        // The page is a seek past the token's key plus one row more, to know whether a next page exists.
        var parameters = new List<NpgsqlParameter>();
        string Next(NpgsqlParameter parameter)
        {
            parameters.Add(parameter);
            return "$" + parameters.Count;
        }

        (string where, string seek) = TaskListSql.Where(query, after, value => Next(value is string text ? Text(text) : Int64((long)value)));
        int filterParameters = parameters.Count;
        string limit = Next(Int64(query.PageSize + 1));
        return await RunAsync(async connection =>
        {
            // The page and the count in one round trip.
            await using var batch = new NpgsqlBatch(connection);
            var page = new NpgsqlBatchCommand($"SELECT {TaskListSql.PageColumns} FROM a2a_tasks {seek} {TaskListSql.OrderBy} LIMIT {limit};");
            page.Parameters.AddRange(parameters.Select(Clone).ToArray());
            var count = new NpgsqlBatchCommand($"SELECT COUNT(*) FROM a2a_tasks {where};");
            count.Parameters.AddRange(parameters.Take(filterParameters).Select(Clone).ToArray());
            batch.BatchCommands.Add(page);
            batch.BatchCommands.Add(count);

            await using NpgsqlDataReader reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            (List<AgentTask> tasks, string next) = await TaskListSql.ReadPageAsync(reader, query.PageSize, _source, _logger, cancellationToken).ConfigureAwait(false);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            int total = (int)reader.GetInt64(0);
            return new TaskPage(tasks, next, total);
        }, "list tasks", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<TaskEventRecord>> ReadEventsAsync(string taskId, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        return await RunAsync(async connection =>
        {
            // Events and the task's existence from one statement (one snapshot); the row with a null sequence only
            // says the task exists.
            await using NpgsqlCommand command = Command(connection, """
                SELECT NULL::bigint, NULL::text FROM a2a_tasks WHERE id = $1
                UNION ALL
                (SELECT seq, event FROM a2a_events WHERE task_id = $1 AND seq > $2 ORDER BY seq LIMIT $3);
                """, Text(taskId), Int64(afterSequence), Int64(maxCount));
            await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            bool exists = false;
            var events = new List<TaskEventRecord>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (reader.IsDBNull(0))
                {
                    exists = true;
                    continue;
                }

                long sequence = reader.GetInt64(0);
                events.Add(new TaskEventRecord(sequence, StoredJson.Event(reader.GetString(1), taskId, sequence, _source)));
            }

            return exists ? (IReadOnlyList<TaskEventRecord>)events : throw new TaskNotFoundException(taskId);
        }, "read events", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask WaitForEventsAsync(string taskId, long afterSequence, CancellationToken cancellationToken = default) =>
        _signals.WaitAsync(taskId, afterSequence, VersionAsync, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Leases expire by the database server's clock, so the instances' clocks need not agree.</remarks>
    public async ValueTask<bool> TryAcquireLeaseAsync(string taskId, string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        return await RunAsync(async connection =>
        {
            await using NpgsqlCommand command = Command(connection, """
                INSERT INTO a2a_leases AS l (task_id, owner, expires_at) VALUES ($1, $2, clock_timestamp() + $3)
                ON CONFLICT (task_id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
                WHERE l.owner = excluded.owner OR l.expires_at <= clock_timestamp()
                RETURNING 1;
                """, Text(taskId), Text(owner), Interval(duration));
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
        }, "acquire a run lease", cancellationToken).ConfigureAwait(false);
    }

    // Whether another owner's lease on the task runs (why a follow-up's write found nothing to write).
    private async ValueTask<bool> LeasedToAnotherAsync(string taskId, string owner, CancellationToken cancellationToken) =>
        await RunAsync(async connection =>
        {
            await using NpgsqlCommand command = Command(connection, "SELECT 1 FROM a2a_leases WHERE task_id = $1 AND owner <> $2 AND expires_at > clock_timestamp();", Text(taskId), Text(owner));
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
        }, "read a task's lease", cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask RenewLeasesAsync(string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        await RunAsync(async connection =>
        {
            await using NpgsqlCommand command = Command(connection, "UPDATE a2a_leases SET expires_at = clock_timestamp() + $2 WHERE owner = $1;", Text(owner), Interval(duration));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, "renew run leases", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask ReleaseLeaseAsync(string taskId, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        await RunAsync(async connection =>
        {
            await using NpgsqlCommand command = Command(connection, "DELETE FROM a2a_leases WHERE task_id = $1 AND owner = $2;", Text(taskId), Text(owner));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, "release a run lease", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<string>> TakeExpiredLeasesAsync(string owner, TimeSpan duration, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        return await RunAsync(async connection =>
        {
            // SKIP LOCKED: instances sweeping at the same moment split the expired leases instead of queueing on them.
            await using NpgsqlCommand command = Command(connection, """
                UPDATE a2a_leases SET owner = $1, expires_at = clock_timestamp() + $2
                WHERE task_id IN (
                    SELECT task_id FROM a2a_leases WHERE expires_at <= clock_timestamp()
                    ORDER BY expires_at LIMIT $3 FOR UPDATE SKIP LOCKED)
                RETURNING task_id;
                """, Text(owner), Interval(duration), Int32(maxCount));
            var taken = new List<string>();
            await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                taken.Add(reader.GetString(0));
            }

            return (IReadOnlyList<string>)taken;
        }, "take over expired run leases", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops listening and closes the store's connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _notifier.DisposeAsync().ConfigureAwait(false);
            await _listener.DisposeAsync().ConfigureAwait(false);
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops listening and closes the store's connections.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    // The version alone, for waiters that only need to know whether the log grew.
    private async ValueTask<long?> VersionAsync(string taskId, CancellationToken cancellationToken) =>
        await RunAsync(async connection =>
        {
            await using NpgsqlCommand command = Command(connection, "SELECT version FROM a2a_tasks WHERE id = $1;", Text(taskId));
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?;
        }, "read a task's version", cancellationToken).ConfigureAwait(false);

    // A write that finishes a task also applies retention, in the same transaction, so the store never holds more
    // finished tasks than allowed once the write returns.
    private Task<T> WriteAsync<T>(bool finishes, Func<NpgsqlConnection, NpgsqlTransaction?, Task<T>> write, string what, CancellationToken cancellationToken)
    {
        if (!finishes || !_options.Expires)
        {
            return RunAsync(connection => write(connection, null), what, cancellationToken);
        }

        return RunAsync(async connection =>
        {
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            T result = await write(connection, transaction).ConfigureAwait(false);
            await ExpireAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }, what, cancellationToken);
    }

    // Sweeps expired finished tasks when the clock says one is due: at most once a second per instance.
    private async ValueTask SweepIfDueAsync(CancellationToken cancellationToken)
    {
        if (_options.FinishedTaskTimeToLive is null || _time.GetUtcNow().UtcTicks < Interlocked.Read(ref _nextSweepTicks))
        {
            return;
        }

        await RunAsync(async connection =>
        {
            await ExpireAsync(connection, null, cancellationToken).ConfigureAwait(false);
            return true;
        }, "remove expired tasks", cancellationToken).ConfigureAwait(false);
    }

    // Removes finished tasks past their time-to-live, then beyond the maximum count (the first to finish go first);
    // their events go with them (ON DELETE CASCADE) and their subscribers are told.
    private async Task ExpireAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        long now = _time.GetUtcNow().UtcTicks;
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (_options.FinishedTaskTimeToLive is { } ttl)
        {
            batch.BatchCommands.Add(BatchCommand($"""
                WITH t AS (DELETE FROM a2a_tasks WHERE finished_ticks IS NOT NULL AND finished_ticks <= $1 RETURNING id)
                SELECT id FROM t;
                """, Int64(now - ttl.Ticks)));
            Interlocked.Exchange(ref _nextSweepTicks, now + Math.Min(ttl.Ticks, TimeSpan.TicksPerSecond));
        }

        if (_options.MaxFinishedTasks is { } max)
        {
            batch.BatchCommands.Add(BatchCommand($"""
                WITH t AS (DELETE FROM a2a_tasks WHERE id IN (
                    SELECT id FROM a2a_tasks WHERE finished_ticks IS NOT NULL ORDER BY finished_ticks DESC, id DESC OFFSET $1) RETURNING id)
                SELECT id FROM t;
                """, Int64(max)));
        }

        await using NpgsqlDataReader reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var removed = new List<string>();
        do
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                removed.Add(reader.GetString(0));
            }
        }
        while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));

        foreach (string id in removed)
        {
            Changed(id);
        }
    }

    private async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> work, string what, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw Failure($"could not {what}", ex);
        }
    }

    // After a commit: this process's subscribers are woken at once, the other instances' through NOTIFY.
    private void Changed(string taskId)
    {
        _signals.Wake(taskId);
        _notifier.Notify(taskId.Length <= MaxNotifiedIdLength ? taskId : "");
    }

    private static NpgsqlParameter[] TaskColumns(AgentTask task, long? finishedTicks) =>
    [
        Text(task.Id),
        Text(task.ContextId ?? ""),
        Int32((int)task.Status.State),
        Int64(TaskListKey.Of(task).StatusTicks),
        new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = finishedTicks is { } ticks ? ticks : DBNull.Value },
        Text(A2AJson.Serialize(task)),
    ];

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Text(string value) => new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = value };

    private static NpgsqlParameter Int64(long value) => new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = value };

    private static NpgsqlParameter Int32(int value) => new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = value };

    private static NpgsqlParameter Interval(TimeSpan value) => new NpgsqlParameter<TimeSpan> { NpgsqlDbType = NpgsqlDbType.Interval, TypedValue = value };

    private static NpgsqlParameter Clone(NpgsqlParameter parameter) => parameter.Clone();

    private TaskStoreException Failure(string what, Exception cause) =>
        cause as TaskStoreException ?? new TaskStoreException($"The PostgreSQL task store at {_source} {what}: {cause.Message}", cause);
}
