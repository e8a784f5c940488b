using System.Diagnostics;
using System.Text.Json;
using A2A.AspNetCore.Tests.Push;
using A2A.Client;
using A2A.Protocol;
using A2A.Testing;

using static A2A.AspNetCore.Tests.TestRequests;

namespace A2A.AspNetCore.Tests.Interop;

/// <summary>
/// Push notifications both ways with the official JavaScript SDK: its client registers configs with our server
/// (inline and with the create method) and our webhook receives the task's notifications; our client registers with
/// its server and our webhook receives what its sender posts.
/// </summary>
public sealed class PushInteropTests(PushProbeServer server) : IClassFixture<PushProbeServer>
{
    [Fact]
    public async Task The_js_sdk_client_registers_configs_with_our_server_and_our_webhook_gets_the_notifications()
    {
        await NodePeer.EnsureInstalledAsync();
        await using WebhookReceiver hook = await WebhookReceiver.StartAsync();
        (int exit, string output) = await NodePeer.RunAsync("node", $"push-client.mjs {server.BaseUrl} {hook.Url} {hook.Credentials}", TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, $"node exited {exit}:\n{output}");
        JsonElement seen = JsonDocument.Parse(output.Split('\n').Last(l => l.StartsWith('{'))).RootElement;

        Assert.True(seen.GetProperty("push").GetBoolean());
        Assert.Equal(("TASK_STATE_INPUT_REQUIRED", "TASK_STATE_COMPLETED"), (seen.GetProperty("asked").GetString(), seen.GetProperty("done").GetString()));
        Assert.False(string.IsNullOrEmpty(seen.GetProperty("createdId").GetString()));
        Assert.Equal("", seen.GetProperty("createdCredentials").GetString()); // withheld
        Assert.Equal(hook.Url, seen.GetProperty("readUrl").GetString());
        Assert.Equal(["js-inline", "js-created"], seen.GetProperty("listed").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["js-created"], seen.GetProperty("after").EnumerateArray().Select(t => t.GetString()));

        // The inline config got (at most) the start, and nothing after it was deleted; the created one got the rest.
        string taskId = seen.GetProperty("taskId").GetString()!;
        IReadOnlyList<WebhookReceiver.Received> got = await hook.WaitForAsync(r => r.Any(x => x.Summary == "status TASK_STATE_COMPLETED"));
        string[] inline = got.Where(r => r.Token == "js-inline").Select(r => r.Summary).ToArray();
        Assert.Equal(new[] { "task TASK_STATE_SUBMITTED", "status TASK_STATE_INPUT_REQUIRED" }.Take(inline.Length), inline);
        Assert.Equal(["status TASK_STATE_WORKING", "artifact Hello, world!", "status TASK_STATE_COMPLETED"], got.Where(r => r.Token == "js-created").Select(r => r.Summary));
        Assert.Equal(TaskState.Completed, hook.Feed.GetTask(taskId)!.Status.State);
    }

    [Theory]
    [InlineData(ProtocolBindings.JsonRpc)]
    [InlineData(ProtocolBindings.HttpJson)]
    public async Task Our_client_registers_with_the_js_sdk_server_and_our_webhook_gets_its_notifications(string binding)
    {
        await NodePeer.EnsureInstalledAsync();
        await using WebhookReceiver hook = await WebhookReceiver.StartAsync();
        using Process node = NodePeer.Start("node", "probe-server.mjs");
        try
        {
            Uri baseUrl = await InteropTests.ReadListeningUrlAsync(node);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            (A2AClient client, AgentCard card) = await A2AClient.ConnectAsync(http, baseUrl, binding);
            Assert.Equal(binding, client.ProtocolBinding);
            Assert.True(card.Capabilities.PushNotifications);

            AgentTask asked = (await client.SendMessageAsync(Send("input please"))).Task!;
            TaskPushNotificationConfig created = await client.CreateTaskPushNotificationConfigAsync(hook.Config(asked.Id, token: "ours") with { Id = "ours-1" });
            Assert.Equal(("ours-1", hook.Url), (created.Id, created.Url));
            Assert.Equal(hook.Url, (await client.GetTaskPushNotificationConfigAsync(asked.Id, "ours-1")).Url);
            Assert.Equal(["ours-1"], (await client.ListTaskPushNotificationConfigsAsync(asked.Id)).Configs.Select(c => c.Id));

            // The feed starts from the task we know; the JS sender pushes every event of the follow-up.
            hook.Feed.Track(asked.Id).Process(new StreamResponse { Task = asked });
            await client.SendMessageAsync(Send("more", taskId: asked.Id, contextId: asked.ContextId));
            await hook.WaitForAsync(r => r.Any(x => x.Summary == "status TASK_STATE_COMPLETED"));
            Assert.All(hook.Accepted, r => Assert.Equal(("Bearer hook-secret", "application/a2a+json"), (r.Authorization, r.ContentType.Split(';')[0])));
            AgentTask seen = hook.Feed.GetTask(asked.Id)!;
            Assert.Equal(TaskState.Completed, seen.Status.State);
            Assert.Equal("Hello, world!", string.Concat(seen.Artifacts.Single().Parts.Select(p => p.Text)));

            await client.DeleteTaskPushNotificationConfigAsync(asked.Id, "ours-1");
            Assert.Empty((await client.ListTaskPushNotificationConfigsAsync(asked.Id)).Configs);
        }
        finally
        {
            node.Kill(entireProcessTree: true);
        }
    }
}
