using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using A2A.Diagnostics;
using A2A.Protocol;

namespace A2A.AspNetCore.Tests;

/// <summary>The A2A meter reports task transitions, direct replies and server requests (what an OpenTelemetry exporter would see).</summary>
public class TelemetryTests(ProbeServer server) : IClassFixture<ProbeServer>
{
    [Fact]
    public async Task Transitions_refusals_and_requests_are_counted()
    {
        var seen = new ConcurrentBag<(string Instrument, long Value, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == A2ATelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            seen.Add((instrument.Name, value, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        listener.Start();

        AgentTask task = (await server.Client.SendMessageAsync(TestRequests.Send("hello"))).Task!;
        await Assert.ThrowsAnyAsync<A2A.Errors.A2AException>(() => server.Client.CancelTaskAsync(task.Id));
        await server.Manager.CreateUpdater(task).StartWorkAsync().ContinueWith(_ => { });
        await server.Client.SendMessageAsync(TestRequests.Send("ping"));

        Assert.Contains(seen, m => m.Instrument == "a2a.task.transitions" && m.Tags == "a2a.task.state=TASK_STATE_COMPLETED");
        Assert.Contains(seen, m => m.Instrument == "a2a.task.refused" && m.Tags == "a2a.task.state=TASK_STATE_COMPLETED");
        Assert.Contains(seen, m => m.Instrument == "a2a.server.requests" && m.Tags == "rpc.method=SendMessage,a2a.binding=JSONRPC");
        Assert.Contains(seen, m => m.Instrument == "a2a.handler.replies" && m.Value == 1);
        Assert.Contains(seen, m => m.Instrument == "a2a.server.requests" && m.Tags == "rpc.method=CancelTask,a2a.binding=JSONRPC,rpc.jsonrpc.error_code=-32002");
    }
}
