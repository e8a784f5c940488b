using A2A.Protocol;
using A2A.Storage.PostgreSql;
using A2A.Tasks;
using A2A.Testing;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Npgsql;

namespace A2A.Benchmarks;

/// <summary>
/// Durable status updates on the PostgreSQL store, 8 tasks updated concurrently, against floors measured in the same
/// run on the same server, 8 connections concurrently, through Npgsql. The store is written through each task's
/// updater, as a handler writes. The floors: the same raw statements on the store's own
/// tables (update the task row, with its indexed status time and version, and insert the event row, in one
/// transaction sent as one batch), the baseline, which the store should reach at least 0.7x of; and the same two
/// statements on bare tables without secondary indexes or foreign key, for what the schema itself costs. All wait for
/// the same commits (fsync and synchronous_commit on, the server's defaults). The store does more per update: it
/// reads the task, checks the lifecycle, serializes JSON, compares versions and notifies the other instances.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class PostgreSqlStoreBenchmarks
{
    private const int Writers = 8;
    private const int UpdatesPerWriter = 50;
    private const string TaskJson = """{"id":"t1","contextId":"c1","status":{"state":"TASK_STATE_WORKING","timestamp":"2026-11-29T12:00:00.000Z"},"history":[]}""";
    private const string EventJson = """{"statusUpdate":{"taskId":"t1","contextId":"c1","status":{"state":"TASK_STATE_WORKING","timestamp":"2026-11-29T12:00:00.000Z"}}}""";

    private PostgresCluster _cluster = null!;
    private NpgsqlDataSource _raw = null!;
    private PostgreSqlTaskStore _store = null!;
    private TaskUpdater[] _updaters = null!;
    private long[] _storeTableVersions = null!;
    private long[] _bareTableVersions = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _cluster = await PostgresCluster.StartAsync();
        string database = await _cluster.CreateDatabaseAsync("bench");
        _raw = NpgsqlDataSource.Create(database);
        _store = new PostgreSqlTaskStore(database);
        await _store.InitializeAsync();

        // Rows of their own for the raw statements: in the store's tables, and in bare ones.
        await using (NpgsqlCommand create = _raw.CreateCommand("""
            INSERT INTO a2a_tasks (id, context_id, state, status_ticks, version, task) SELECT 'raw' || i, 'c1', 2, 0, 0, '{}' FROM generate_series(0, 7) i;
            CREATE TABLE t (id text PRIMARY KEY, version bigint NOT NULL, task text NOT NULL);
            CREATE TABLE e (task_id text NOT NULL, seq bigint NOT NULL, event text NOT NULL, PRIMARY KEY (task_id, seq));
            INSERT INTO t SELECT 'raw' || i, 0, '{}' FROM generate_series(0, 7) i;
            """))
        {
            await create.ExecuteNonQueryAsync();
        }

        _storeTableVersions = new long[Writers];
        _bareTableVersions = new long[Writers];
        var manager = new TaskManager(_store);
        var updaters = new List<TaskUpdater>();
        for (int i = 0; i < Writers; i++)
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
        await _store.DisposeAsync();
        await _raw.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Writers * UpdatesPerWriter)]
    public Task RawStatementsOnStoreTables() => RawAsync(
        _storeTableVersions,
        "UPDATE a2a_tasks SET state = 2, status_ticks = $1, version = $1, task = $2 WHERE id = $3",
        "INSERT INTO a2a_events (task_id, seq, event) VALUES ($3, $1, $2)");

    [Benchmark(OperationsPerInvoke = Writers * UpdatesPerWriter)]
    public Task RawStatementsOnBareTables() => RawAsync(
        _bareTableVersions,
        "UPDATE t SET version = $1, task = $2 WHERE id = $3",
        "INSERT INTO e (task_id, seq, event) VALUES ($3, $1, $2)");

    [Benchmark(OperationsPerInvoke = Writers * UpdatesPerWriter)]
    public Task EightConcurrentTasks() =>
        Task.WhenAll(_updaters.Select(updater => Task.Run(async () =>
        {
            for (int i = 0; i < UpdatesPerWriter; i++)
            {
                await updater.StartWorkAsync();
            }
        })));

    // Each writer: BEGIN, update, insert, COMMIT, sent together in one round trip, on a connection of its own.
    private Task RawAsync(long[] versions, string update, string insert) =>
        Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            await using NpgsqlConnection connection = await _raw.OpenConnectionAsync();
            for (int i = 0; i < UpdatesPerWriter; i++)
            {
                long seq = ++versions[w];
                await using var batch = new NpgsqlBatch(connection)
                {
                    BatchCommands =
                    {
                        new NpgsqlBatchCommand("BEGIN"),
                        new NpgsqlBatchCommand(update) { Parameters = { new() { Value = seq }, new() { Value = TaskJson }, new() { Value = "raw" + w } } },
                        new NpgsqlBatchCommand(insert) { Parameters = { new() { Value = seq }, new() { Value = EventJson }, new() { Value = "raw" + w } } },
                        new NpgsqlBatchCommand("COMMIT"),
                    },
                };
                await batch.ExecuteNonQueryAsync();
            }
        })));
}
