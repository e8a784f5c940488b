using System.Diagnostics;
using System.Text.Json;
using A2A.Client;
using A2A.Errors;
using A2A.Protocol;

using static A2A.AspNetCore.Tests.TestRequests;

namespace A2A.AspNetCore.Tests.Interop;

/// <summary>
/// Both directions against the official JavaScript SDK: its client drives our server (client-scenarios.mjs), and
/// our client drives its server (probe-server.mjs, the same probe agent), feeding the generated typed client manager.
/// </summary>
public class InteropTests(ProbeServer server) : IClassFixture<ProbeServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly string[] Scenarios =
        ["card", "send", "stream", "get", "cancelRunning", "cancelCompleted", "sendToCompleted", "getUnknown", "inputRequiredFollowUp", "resubscribe", "returnImmediately", "reply", "replyStream"];

    // The six ways the JavaScript SDK's client can talk to us: each binding in v1.0, in v0.3 from our card (read
    // without a version header), and in v0.3 from a v0.3-only card.
    [Theory]
    [InlineData("JSONRPC", "1.0")]
    [InlineData("HTTP+JSON", "1.0")]
    [InlineData("JSONRPC", "0.3")]
    [InlineData("HTTP+JSON", "0.3")]
    [InlineData("JSONRPC", "0.3-card")]
    [InlineData("HTTP+JSON", "0.3-card")]
    public async Task The_js_sdk_client_passes_every_scenario_against_our_server(string transport, string version)
    {
        server.Requests.Clear();
        await NodePeer.EnsureInstalledAsync();
        (int exit, string output) = await NodePeer.RunAsync("node", $"client-scenarios.mjs {server.BaseUrl} {transport} {version}", TimeSpan.FromMinutes(2));
        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith('{'))
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => r);

        Assert.True(exit == 0, $"node exited {exit}:\n{output}");
        Assert.Equal(Scenarios.Order(), results.Keys.Order());
        string[] failed = results.Values.Where(r => !r.GetProperty("ok").GetBoolean()).Select(r => r.GetRawText()).ToArray();
        Assert.True(failed.Length == 0, "scenarios failed:\n" + string.Join("\n", failed));
        // Which binding and version answered: JSON-RPC posts to the agent's route, HTTP+JSON to the operations below
        // it (v0.3's below v1/), and every call stated the version.
        string[] calls = server.Requests.Where(r => !r.Contains(".well-known", StringComparison.Ordinal)).ToArray();
        string stated = version == "1.0" ? "1.0" : "0.3";
        Assert.All(calls, c => Assert.EndsWith(" " + stated, c, StringComparison.Ordinal));
        Assert.All(calls, c => Assert.Equal(transport == "JSONRPC", c.StartsWith("POST /a2a ", StringComparison.Ordinal)));
        Assert.Contains(calls, c => c == (transport == "JSONRPC" ? "POST /a2a" : version == "1.0" ? "POST /a2a/message:send" : "POST /a2a/v1/message:send") + " " + stated);
    }

    // The same six ways the other way round: each binding in v1.0 and v0.3 from the JS server's card, and from a
    // v0.3-only card (which ConnectAsync falls back to v0.3 for).
    [Theory]
    [InlineData(ProtocolBindings.JsonRpc, "1.0")]
    [InlineData(ProtocolBindings.HttpJson, "1.0")]
    [InlineData(ProtocolBindings.JsonRpc, "0.3")]
    [InlineData(ProtocolBindings.HttpJson, "0.3")]
    [InlineData(ProtocolBindings.JsonRpc, "0.3-card")]
    [InlineData(ProtocolBindings.HttpJson, "0.3-card")]
    public async Task Our_client_passes_every_scenario_against_the_js_sdk_server(string binding, string version)
    {
        await NodePeer.EnsureInstalledAsync();
        using Process node = NodePeer.Start("node", "probe-server.mjs");
        try
        {
            Uri baseUrl = await ReadListeningUrlAsync(node);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            (A2AClient client, AgentCard card) = await A2AClient.ConnectAsync(http, version == "0.3-card" ? new Uri(baseUrl, "v03/") : baseUrl, binding);
            if (version == "0.3")
            {
                AgentInterface legacy = card.SupportedInterfaces.First(i => i.ProtocolBinding == binding && i.ProtocolVersion == "0.3");
                client = new A2AClient(http, new Uri(legacy.Url), binding, legacy.ProtocolVersion);
            }

            Assert.Equal((binding, version == "1.0" ? "1.0" : "0.3"), (client.ProtocolBinding, client.ProtocolVersion));
            Assert.EndsWith(binding == ProtocolBindings.JsonRpc ? "/a2a/jsonrpc" : "/a2a/rest", client.Endpoint.AbsolutePath, StringComparison.Ordinal);

            // card
            Assert.Equal("a2a-js probe agent", card.Name);

            // send: the typed client manager of our generated probe agent reads the joined artifact
            AgentTask sent = (await client.SendMessageAsync(Send("hello"))).Task!;
            Assert.Equal(TaskState.Completed, sent.Status.State);
            var typed = new ProbeAgentClientTaskManager();
            typed.Process(new StreamResponse { Task = sent });
            Assert.Equal("Hello, world!", string.Concat(typed.GetTaskOrThrow().Artifacts.Single().Parts.Select(p => p.Text)));

            // stream with two artifact chunks, folded by the client manager as it arrives
            var streamed = new ProbeAgentClientTaskManager();
            var kinds = new List<StreamResponseKind>();
            await foreach (StreamResponse item in client.SendStreamingMessageAsync(Send("hello (stream)")))
            {
                kinds.Add(item.Kind);
                streamed.Process(item);
            }

            Assert.Equal([StreamResponseKind.Task, StreamResponseKind.StatusUpdate, StreamResponseKind.ArtifactUpdate, StreamResponseKind.ArtifactUpdate, StreamResponseKind.StatusUpdate], kinds);
            Assert.Equal(TaskState.Completed, streamed.GetTaskOrThrow().Status.State);
            Assert.Equal("Hello, world!", string.Concat(streamed.GetTaskOrThrow().Artifacts.Single().Parts.Select(p => p.Text)));

            // get
            Assert.Equal(TaskState.Completed, (await client.GetTaskAsync(sent.Id)).Status.State);

            // a direct reply: a message and no task, blocking and streamed, kept by the typed client manager
            var replied = new ProbeAgentClientTaskManager();
            SendMessageResponse pong = replied.Process(await client.SendMessageAsync(Send("ping")));
            Assert.Null(pong.Task);
            Assert.Equal((Role.Agent, "pong"), (pong.Message!.Role, pong.Message.GetText()));
            Assert.Null(replied.GetTask());
            Assert.Same(pong.Message, replied.Reply);
            var replyEvents = new List<StreamResponse>();
            await foreach (StreamResponse item in client.SendStreamingMessageAsync(Send("ping (stream)")))
            {
                replyEvents.Add(replied.Process(item));
            }

            Assert.Equal("pong", Assert.Single(replyEvents).Message!.GetText());
            Assert.Null(replied.GetTask());

            // cancel running
            AgentTask slow = (await client.SendMessageAsync(Send("slow please", returnImmediately: true))).Task!;
            await WaitForStateAsync(client, slow.Id, TaskState.Working, Patience);
            Assert.Equal(TaskState.Canceled, (await client.CancelTaskAsync(slow.Id)).Status.State);

            // cancel completed, send to completed, get unknown
            Assert.Equal(A2AErrorCodes.TaskNotCancelable, (await Assert.ThrowsAsync<TaskNotCancelableException>(() => client.CancelTaskAsync(sent.Id))).Code);
            A2AException toCompleted = await Assert.ThrowsAnyAsync<A2AException>(() => client.SendMessageAsync(Send("follow-up", sent.Id, sent.ContextId)));
            Assert.Equal(A2AErrorCodes.UnsupportedOperation, toCompleted.Code);
            Assert.Equal(A2AErrorCodes.TaskNotFound, (await Assert.ThrowsAsync<TaskNotFoundException>(() => client.GetTaskAsync("does-not-exist-" + Guid.NewGuid()))).Code);

            // input-required, then a follow-up on the same task
            AgentTask asked = (await client.SendMessageAsync(Send("input needed"))).Task!;
            Assert.Equal(TaskState.InputRequired, asked.Status.State);
            AgentTask answered = (await client.SendMessageAsync(Send("here is more", asked.Id, asked.ContextId))).Task!;
            Assert.Equal((asked.Id, TaskState.Completed), (answered.Id, answered.Status.State));

            // resubscribe to a running task, cancel it, see the stream end canceled
            AgentTask again = (await client.SendMessageAsync(Send("slow again", returnImmediately: true))).Task!;
            Assert.Contains(again.Status.State, new[] { TaskState.Submitted, TaskState.Working }); // returnImmediately
            await WaitForStateAsync(client, again.Id, TaskState.Working, Patience);
            var states = new List<TaskState>();
            await foreach (StreamResponse item in client.SubscribeToTaskAsync(again.Id))
            {
                if ((item.Task?.Status ?? item.StatusUpdate?.Status) is { } status)
                {
                    states.Add(status.State);
                }

                if (states.Count == 1)
                {
                    await client.CancelTaskAsync(again.Id);
                }
            }

            Assert.Equal(TaskState.Working, states[0]);
            Assert.Equal(TaskState.Canceled, states[^1]);
        }
        finally
        {
            node.Kill(entireProcessTree: true);
            await node.WaitForExitAsync();
        }
    }

    internal static async Task<Uri> ReadListeningUrlAsync(Process node)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await node.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("listening ", StringComparison.Ordinal))
            {
                return new Uri($"http://127.0.0.1:{int.Parse(line["listening ".Length..], System.Globalization.CultureInfo.InvariantCulture)}/");
            }
        }

        throw new InvalidOperationException("The JavaScript server exited before listening: " + await node.StandardError.ReadToEndAsync());
    }
}
