using System.Diagnostics;
using A2A.Testing;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace A2A.Benchmarks;

/// <summary>
/// What a user's request pays end to end on each task store: the trivial agent (it completes its task at once) served
/// over HTTP by its own process, on loopback, from <see cref="LoopbackLoad"/> (the wire benchmark's client), with the
/// task stored in memory (the baseline), in SQLite with Full and with Normal durability, and in PostgreSQL (a
/// throwaway cluster on the same machine, fsync on). Each call is a SendMessage that blocks until the task is completed,
/// or a SendStreamingMessage read to its end; over one connection (time per operation / requests = latency) and over
/// 16 (requests per second = requests / time per operation). Each server also prints its requests' latency percentiles.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class ServerOnStoreBenchmarks
{
    private Process? _server;
    private PostgresCluster? _cluster;
    private LoopbackLoad _load = null!;

    [Params("Blocking", "Streaming")]
    public string Call { get; set; } = "Blocking";

    [Params(1, 16)]
    public int Connections { get; set; }

    /// <summary>Requests per operation: enough for a stable mean on one connection without making the durable runs long.</summary>
    public int Requests => Connections == 1 ? 400 : 3000;

    [GlobalSetup(Target = nameof(InMemory))]
    public void StartInMemory() => Start("memory");

    [GlobalSetup(Target = nameof(SqliteFull))]
    public void StartSqliteFull() => Start("sqlite-full");

    [GlobalSetup(Target = nameof(SqliteNormal))]
    public void StartSqliteNormal() => Start("sqlite-normal");

    [GlobalSetup(Target = nameof(PostgreSql))]
    public void StartPostgreSql()
    {
        _cluster = PostgresCluster.StartAsync().GetAwaiter().GetResult();
        Start($"postgres \"{_cluster.CreateDatabaseAsync("bench").GetAwaiter().GetResult()}\"");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// latency ({Call}, {Connections} connection(s)): {_load.TakePercentiles()}");
        ServerProcesses.Stop(_server);
        _cluster?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public void InMemory() => _load.Run(Requests, Connections);

    [Benchmark]
    public void SqliteFull() => _load.Run(Requests, Connections);

    [Benchmark]
    public void SqliteNormal() => _load.Run(Requests, Connections);

    [Benchmark]
    public void PostgreSql() => _load.Run(Requests, Connections);

    private void Start(string store)
    {
        (_server, Uri url) = ServerProcesses.StartOurs($"serve-trivial {store}", "a2a");
        _load = Call == "Blocking"
            ? new LoopbackLoad(url, BenchmarkServers.SendMessageBody, "TASK_STATE_COMPLETED")
            : new LoopbackLoad(url, BenchmarkServers.SendStreamingMessageBody, "TASK_STATE_COMPLETED");
        _load.Probe();
    }
}
