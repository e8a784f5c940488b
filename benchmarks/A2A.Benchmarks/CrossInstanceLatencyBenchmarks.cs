using A2A.Protocol;
using A2A.Storage;
using A2A.Storage.PostgreSql;
using A2A.Tasks;
using A2A.Testing;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Mathematics;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace A2A.Benchmarks;

/// <summary>
/// How long an event takes from a write on instance A to a subscriber on instance B: two PostgreSQL stores on one
/// database, the way two server processes share it. Each invocation is one event: a status update written through A's
/// updater while a waiter on B (or, the baseline, on A itself, woken directly by the write) waits for it; the time
/// runs from the write's start until the waiter wakes, so it includes A's commit. One invocation per iteration, so the
/// percentiles are per event.
/// </summary>
[Config(typeof(PercentilesConfig))]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 20, iterationCount: 400, invocationCount: 1)]
public class CrossInstanceLatencyBenchmarks
{
    private PostgresCluster _cluster = null!;
    private PostgreSqlTaskStore _a = null!;
    private PostgreSqlTaskStore _b = null!;
    private TaskUpdater _writer = null!;
    private string _taskId = null!;
    private Task _woken = Task.CompletedTask;

    [GlobalSetup]
    public async Task Setup()
    {
        _cluster = await PostgresCluster.StartAsync();
        string database = await _cluster.CreateDatabaseAsync("latency");

        // A poll interval far beyond any sample: only the notification can wake the subscriber in time.
        _a = new PostgreSqlTaskStore(new PostgreSqlTaskStoreOptions { ConnectionString = database, PollInterval = TimeSpan.FromMinutes(5) });
        _b = new PostgreSqlTaskStore(new PostgreSqlTaskStoreOptions { ConnectionString = database, PollInterval = TimeSpan.FromMinutes(5) });
        await _b.InitializeAsync();
        var manager = new TaskManager(_a);
        AgentTask task = await manager.CreateTaskAsync(Message.FromUser("latency"));
        _writer = manager.CreateUpdater(task);
        await _writer.StartWorkAsync();
        _taskId = task.Id;
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    // The subscriber is waiting before the timed part starts: it measures only write, commit and wake-up.
    [IterationSetup(Target = nameof(SameInstance))]
    public void WaitOnSameInstance() => _woken = WaitAsync(_a).GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(OtherInstance))]
    public void WaitOnOtherInstance() => _woken = WaitAsync(_b).GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public Task SameInstance() => DeliverAsync();

    [Benchmark]
    public Task OtherInstance() => DeliverAsync();

    private async Task<Task> WaitAsync(ITaskStore subscriber)
    {
        long version = (await subscriber.GetAsync(_taskId))!.Version;
        Task woken = subscriber.WaitForEventsAsync(_taskId, version).AsTask();
        await Task.Delay(1); // let the waiter park on its signal
        return woken;
    }

    private async Task DeliverAsync()
    {
        await _writer.StartWorkAsync();
        await _woken;
    }

    /// <summary>Median and 99th percentile per event next to the mean.</summary>
    private sealed class PercentilesConfig : ManualConfig
    {
        public PercentilesConfig() => AddColumn(StatisticColumn.P50, new PercentileColumn(99));
    }

    private sealed class PercentileColumn(int percentile) : IColumn
    {
        public string Id => $"P{percentile}";

        public string ColumnName => $"P{percentile}";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Statistics;

        public int PriorityInCategory => percentile;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Time;

        public string Legend => $"{percentile}th percentile of the time per event";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            Statistics? statistics = summary[benchmarkCase]?.ResultStatistics;
            return statistics is null ? "NA" : $"{statistics.Percentiles.Percentile(percentile) / 1_000_000.0:N3} ms";
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
