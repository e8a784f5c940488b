using A2A.Protocol;
using A2A.Storage.Sqlite;
using A2A.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;

namespace A2A.Benchmarks;

/// <summary>
/// Durable status updates on the SQLite store, against a floor measured in the same run: the raw statements a durable
/// update needs at least (insert the event row, update the task row, one transaction each, same file settings: WAL,
/// synchronous=FULL) through Microsoft.Data.Sqlite on one connection, one after the other. Our store does more per
/// update (reads the task, checks the lifecycle, serializes JSON, compare-and-swap): one writer should stay within
/// 0.7x of the floor's throughput; sixteen tasks updated concurrently share commits (group commit) and should reach
/// at least 2x the floor's throughput.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class SqliteStoreBenchmarks
{
    private const int Updates = 400;
    private string _folder = null!;
    private SqliteConnection _raw = null!;
    private SqliteCommand _rawInsert = null!;
    private SqliteCommand _rawUpdate = null!;
    private SqliteTaskStore _store = null!;
    private TaskManager _manager = null!;
    private string[] _tasks = null!;
    private long _rawSeq;

    [GlobalSetup]
    public async Task Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "a2a-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);

        _raw = new SqliteConnection($"Data Source={Path.Combine(_folder, "raw.db")};Pooling=False");
        _raw.Open();
        Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
        Execute("CREATE TABLE t (id TEXT PRIMARY KEY, version INTEGER NOT NULL, task TEXT NOT NULL); CREATE TABLE e (task_id TEXT NOT NULL, seq INTEGER NOT NULL, event TEXT NOT NULL, PRIMARY KEY (task_id, seq)) WITHOUT ROWID;");
        Execute("INSERT INTO t VALUES ('t1', 1, '{}');");
        _rawInsert = new SqliteCommand("INSERT INTO e VALUES ('t1', $seq, $event);", _raw);
        _rawInsert.Parameters.Add(new SqliteParameter("$seq", 0L));
        _rawInsert.Parameters.Add(new SqliteParameter("$event", ""));
        _rawUpdate = new SqliteCommand("UPDATE t SET version = $seq, task = $task WHERE id = 't1';", _raw);
        _rawUpdate.Parameters.Add(new SqliteParameter("$seq", 0L));
        _rawUpdate.Parameters.Add(new SqliteParameter("$task", ""));

        _store = new SqliteTaskStore(new SqliteTaskStoreOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "store.db")}" });
        _manager = new TaskManager(_store);
        var tasks = new List<string>();
        for (int i = 0; i < 16; i++)
        {
            AgentTask task = await _manager.CreateTaskAsync(Message.FromUser("benchmark"));
            await _manager.UpdateStatusAsync(task.Id, TaskState.Working);
            tasks.Add(task.Id);
        }

        _tasks = [.. tasks];
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _rawInsert.Dispose();
        _rawUpdate.Dispose();
        _raw.Dispose();
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Updates)]
    public void RawInsertAndUpdate()
    {
        for (int i = 0; i < Updates; i++)
        {
            long seq = ++_rawSeq;
            using SqliteTransaction transaction = _raw.BeginTransaction(deferred: false);
            _rawInsert.Transaction = transaction;
            _rawUpdate.Transaction = transaction;
            _rawInsert.Parameters["$seq"].Value = seq;
            _rawInsert.Parameters["$event"].Value = """{"statusUpdate":{"taskId":"t1","contextId":"c1","status":{"state":"TASK_STATE_WORKING","timestamp":"2026-11-29T12:00:00.000Z"}}}""";
            _rawInsert.ExecuteNonQuery();
            _rawUpdate.Parameters["$seq"].Value = seq;
            _rawUpdate.Parameters["$task"].Value = """{"id":"t1","contextId":"c1","status":{"state":"TASK_STATE_WORKING","timestamp":"2026-11-29T12:00:00.000Z"},"history":[]}""";
            _rawUpdate.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    [Benchmark(OperationsPerInvoke = Updates)]
    public async Task OneWriter()
    {
        for (int i = 0; i < Updates; i++)
        {
            await _manager.UpdateStatusAsync(_tasks[0], TaskState.Working);
        }
    }

    [Benchmark(OperationsPerInvoke = Updates)]
    public Task SixteenConcurrentTasks() =>
        Task.WhenAll(_tasks.Select(id => Task.Run(async () =>
        {
            for (int i = 0; i < Updates / 16; i++)
            {
                await _manager.UpdateStatusAsync(id, TaskState.Working);
            }
        })));

    private void Execute(string sql)
    {
        using var command = new SqliteCommand(sql, _raw);
        command.ExecuteNonQuery();
    }
}
