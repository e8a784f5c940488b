using A2A.Protocol;
using A2A.Storage.Sqlite;
using A2A.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;

namespace A2A.Benchmarks;

/// <summary>
/// Durable status updates on the SQLite store, written through each task's updater as a handler writes them, against
/// floors measured in the same run with the same file settings (WAL, synchronous=FULL), one transaction per update,
/// one after the other, through Microsoft.Data.Sqlite on one connection: the same raw statements on the store's own
/// tables (update the task row, with its indexed status time and version, and insert the event row), the baseline;
/// and the same two statements on bare tables without secondary indexes, for what the schema itself costs. The store
/// does more per update (checks the lifecycle, serializes JSON, compare-and-swap): one writer should stay within 0.7x
/// of the baseline's throughput; sixteen tasks updated concurrently share commits (group commit) and should reach at
/// least 2x it.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class SqliteStoreBenchmarks
{
    private const int Updates = 400;
    private const string TaskJson = """{"id":"t1","contextId":"c1","status":{"state":"TASK_STATE_WORKING","timestamp":"2026-11-29T12:00:00.000Z"},"history":[]}""";
    private const string EventJson = """{"statusUpdate":{"taskId":"t1","contextId":"c1","status":{"state":"TASK_STATE_WORKING","timestamp":"2026-11-29T12:00:00.000Z"}}}""";

    private string _folder = null!;
    private RawWriter _storeTables = null!;
    private RawWriter _bareTables = null!;
    private SqliteTaskStore _store = null!;
    private TaskUpdater[] _updaters = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "a2a-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);

        // The store's schema, created by the store in a file of its own, for the raw statements.
        string rawStore = Path.Combine(_folder, "raw-store.db");
        new SqliteTaskStore($"Data Source={rawStore}").Dispose();
        _storeTables = new RawWriter(
            rawStore,
            "INSERT INTO a2a_tasks (id, context_id, state, status_ticks, version, task) VALUES ('t1', 'c1', 2, 0, 0, '{}');",
            "UPDATE a2a_tasks SET state = 2, status_ticks = $seq, version = $seq, task = $task WHERE id = 't1';");
        _bareTables = new RawWriter(
            Path.Combine(_folder, "raw-bare.db"),
            """
            CREATE TABLE a2a_tasks (id TEXT PRIMARY KEY, version INTEGER NOT NULL, task TEXT NOT NULL);
            CREATE TABLE a2a_events (task_id TEXT NOT NULL, seq INTEGER NOT NULL, event TEXT NOT NULL, PRIMARY KEY (task_id, seq)) WITHOUT ROWID;
            INSERT INTO a2a_tasks VALUES ('t1', 0, '{}');
            """,
            "UPDATE a2a_tasks SET version = $seq, task = $task WHERE id = 't1';");

        _store = new SqliteTaskStore(new SqliteTaskStoreOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "store.db")}" });
        var manager = new TaskManager(_store);
        var updaters = new List<TaskUpdater>();
        for (int i = 0; i < 16; i++)
        {
            TaskUpdater updater = manager.CreateUpdater(await manager.CreateTaskAsync(Message.FromUser("benchmark")));
            await updater.StartWorkAsync();
            updaters.Add(updater);
        }

        _updaters = [.. updaters];
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _storeTables.Dispose();
        _bareTables.Dispose();
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Updates)]
    public void RawStatementsOnStoreTables() => _storeTables.Write(Updates);

    [Benchmark(OperationsPerInvoke = Updates)]
    public void RawStatementsOnBareTables() => _bareTables.Write(Updates);

    [Benchmark(OperationsPerInvoke = Updates)]
    public async Task OneWriter()
    {
        for (int i = 0; i < Updates; i++)
        {
            await _updaters[0].StartWorkAsync();
        }
    }

    [Benchmark(OperationsPerInvoke = Updates)]
    public Task SixteenConcurrentTasks() =>
        Task.WhenAll(_updaters.Select(updater => Task.Run(async () =>
        {
            for (int i = 0; i < Updates / 16; i++)
            {
                await updater.StartWorkAsync();
            }
        })));

    /// <summary>One connection writing "update the task row, insert the event row" transactions, one at a time.</summary>
    private sealed class RawWriter : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _update;
        private readonly SqliteCommand _insert;
        private long _seq;

        public RawWriter(string file, string setup, string update)
        {
            _connection = new SqliteConnection($"Data Source={file};Pooling=False");
            _connection.Open();
            Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
            Execute(setup);
            _update = new SqliteCommand(update, _connection);
            _update.Parameters.Add(new SqliteParameter("$seq", 0L));
            _update.Parameters.Add(new SqliteParameter("$task", TaskJson));
            _insert = new SqliteCommand("INSERT INTO a2a_events (task_id, seq, event) VALUES ('t1', $seq, $event);", _connection);
            _insert.Parameters.Add(new SqliteParameter("$seq", 0L));
            _insert.Parameters.Add(new SqliteParameter("$event", EventJson));
        }

        public void Write(int count)
        {
            for (int i = 0; i < count; i++)
            {
                long seq = ++_seq;
                using SqliteTransaction transaction = _connection.BeginTransaction(deferred: false);
                _update.Transaction = transaction;
                _insert.Transaction = transaction;
                _update.Parameters["$seq"].Value = seq;
                _update.ExecuteNonQuery();
                _insert.Parameters["$seq"].Value = seq;
                _insert.ExecuteNonQuery();
                transaction.Commit();
            }
        }

        public void Dispose()
        {
            _update.Dispose();
            _insert.Dispose();
            _connection.Dispose();
        }

        private void Execute(string sql)
        {
            using var command = new SqliteCommand(sql, _connection);
            command.ExecuteNonQuery();
        }
    }
}
