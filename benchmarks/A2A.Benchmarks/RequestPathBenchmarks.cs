using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace A2A.Benchmarks;

/// <summary>
/// The in-memory request path against the floor any ASP.NET Core A2A server pays: a bare minimal-API endpoint that
/// parses the same JSON-RPC request into the same model and writes a task-shaped answer (the baseline,
/// <see cref="BenchmarkServers.ServeFloorAsync"/>), our server answering the same request with a direct reply, and with
/// a task it creates and completes (in memory). Each server in its own process, the same <see cref="LoopbackLoad"/>
/// client over 16 connections; requests per second = <see cref="RequestsPerOperation"/> / time per operation.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class RequestPathBenchmarks
{
    public const int RequestsPerOperation = 4000;
    private const int Connections = 16;

    private Process? _floor;
    private Process? _ours;
    private LoopbackLoad _floorLoad = null!;
    private LoopbackLoad _replyLoad = null!;
    private LoopbackLoad _taskLoad = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_floor, Uri floor) = ServerProcesses.StartOurs("serve-floor", "a2a");
        (_ours, Uri ours) = ServerProcesses.StartOurs("serve-trivial memory", "a2a");
        _floorLoad = new LoopbackLoad(floor, BenchmarkServers.SendMessageBody, "TASK_STATE_COMPLETED");
        _replyLoad = new LoopbackLoad(ours, BenchmarkServers.DirectReplyBody, "\"message\"");
        _taskLoad = new LoopbackLoad(ours, BenchmarkServers.SendMessageBody, "TASK_STATE_COMPLETED");
        _floorLoad.Probe();
        _replyLoad.Probe();
        _taskLoad.Probe();
    }

    [GlobalCleanup]
    public void Cleanup() => ServerProcesses.Stop(_floor, _ours);

    [Benchmark(Baseline = true)]
    public void Floor() => _floorLoad.Run(RequestsPerOperation, Connections);

    [Benchmark]
    public void DirectReply() => _replyLoad.Run(RequestsPerOperation, Connections);

    [Benchmark]
    public void TaskCreatedAndCompleted() => _taskLoad.Run(RequestsPerOperation, Connections);
}
