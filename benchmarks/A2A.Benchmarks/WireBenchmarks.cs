using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace A2A.Benchmarks;

/// <summary>
/// SendMessage round trips on loopback for a trivial agent: our ASP.NET Core server against the official JavaScript
/// SDK's Express server running the same agent, each in its own process, under the same client load (the same
/// request bytes over <see cref="Concurrency"/> keep-alive connections, <see cref="RequestsPerOperation"/> per
/// operation, from <see cref="LoopbackLoad"/>, a minimal socket client, so the client's own cost stays small on a
/// 2-core machine). Requests per second = RequestsPerOperation / the operation's time.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class WireBenchmarks
{
    public const int RequestsPerOperation = 2000;

    private Process? _ours;
    private Process? _theirs;
    private LoopbackLoad _oursLoad = null!;
    private LoopbackLoad _theirsLoad = null!;

    [Params(16)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string js = ServerProcesses.JsFolder();
        (_ours, Uri ours) = ServerProcesses.StartOurs("serve-trivial", "a2a");
        (_theirs, Uri theirs) = ServerProcesses.Start("node", "trivial-server.mjs", js, "a2a");
        _oursLoad = new LoopbackLoad(ours, BenchmarkServers.SendMessageBody, "TASK_STATE_COMPLETED");
        _theirsLoad = new LoopbackLoad(theirs, BenchmarkServers.SendMessageBody, "TASK_STATE_COMPLETED");

        // Both answer the same request with a completed task before anything is measured.
        _oursLoad.Probe();
        _theirsLoad.Probe();
    }

    [GlobalCleanup]
    public void Cleanup() => ServerProcesses.Stop(_ours, _theirs);

    [Benchmark(Baseline = true)]
    public void JavaScriptSdkServer() => _theirsLoad.Run(RequestsPerOperation, Concurrency);

    [Benchmark]
    public void A2AToolkitServer() => _oursLoad.Run(RequestsPerOperation, Concurrency);
}
