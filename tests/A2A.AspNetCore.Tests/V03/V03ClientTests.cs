using A2A.AspNetCore.Tests.Push;
using A2A.Client;
using A2A.Errors;
using A2A.Protocol;

using static A2A.AspNetCore.Tests.TestRequests;

namespace A2A.AspNetCore.Tests.V03;

/// <summary>Our client speaking v0.3 to our server (the same calls, v1.0 objects in and out), on both bindings.</summary>
public sealed class V03ClientTests(PushProbeServer server) : IClassFixture<PushProbeServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(ProtocolBindings.JsonRpc)]
    [InlineData(ProtocolBindings.HttpJson)]
    public async Task Every_call_works_in_v03_and_answers_v1_objects(string binding)
    {
        var client = new A2AClient(server.Http, server.Endpoint, binding, "0.3");
        Assert.Equal("0.3", client.ProtocolVersion);

        AgentTask sent = (await client.SendMessageAsync(Send("hello"))).Task!;
        Assert.Equal(TaskState.Completed, sent.Status.State);
        Assert.Equal("Hello, world!", string.Concat(sent.Artifacts.Single().Parts.Select(p => p.Text)));
        Assert.Equal("pong", (await client.SendMessageAsync(Send("ping"))).Message!.GetText());

        var kinds = new List<StreamResponseKind>();
        await foreach (StreamResponse item in client.SendStreamingMessageAsync(Send("hello (stream)")))
        {
            kinds.Add(item.Kind);
        }

        Assert.Equal([StreamResponseKind.Task, StreamResponseKind.StatusUpdate, StreamResponseKind.ArtifactUpdate, StreamResponseKind.ArtifactUpdate, StreamResponseKind.StatusUpdate], kinds);
        Assert.Single((await client.GetTaskAsync(sent.Id, historyLength: 1)).History);

        // returnImmediately is blocking: false, and the task can be followed, configured and canceled.
        AgentTask slow = (await client.SendMessageAsync(Send("slow", returnImmediately: true))).Task!;
        Assert.Contains(slow.Status.State, new[] { TaskState.Submitted, TaskState.Working });
        await WaitForStateAsync(client, slow.Id, TaskState.Working, Patience);
        TaskPushNotificationConfig config = await client.CreateTaskPushNotificationConfigAsync(new TaskPushNotificationConfig { TaskId = slow.Id, Id = "hook", Url = "https://hooks.example/a2a", Token = "t" });
        Assert.Equal((slow.Id, "hook", "https://hooks.example/a2a"), (config.TaskId, config.Id, config.Url));
        Assert.Equal("hook", (await client.GetTaskPushNotificationConfigAsync(slow.Id, "hook")).Id);
        Assert.Equal(["hook"], (await client.ListTaskPushNotificationConfigsAsync(slow.Id)).Configs.Select(c => c.Id));
        await client.DeleteTaskPushNotificationConfigAsync(slow.Id, "hook");
        Assert.Empty((await client.ListTaskPushNotificationConfigsAsync(slow.Id)).Configs);
        Assert.Equal(TaskState.Canceled, (await client.CancelTaskAsync(slow.Id)).Status.State);

        // Errors arrive as the same exception types as in v1.0.
        await Assert.ThrowsAsync<TaskNotCancelableException>(() => client.CancelTaskAsync(sent.Id));
        await Assert.ThrowsAsync<TaskNotFoundException>(() => client.GetTaskAsync("no-such-task"));
        await Assert.ThrowsAsync<UnsupportedOperationException>(async () => await client.SubscribeToTaskAsync(sent.Id).GetAsyncEnumerator().MoveNextAsync());
        await Assert.ThrowsAsync<ExtendedAgentCardNotConfiguredException>(() => client.GetExtendedAgentCardAsync());
        UnsupportedOperationException noList = await Assert.ThrowsAsync<UnsupportedOperationException>(() => client.ListTasksAsync());
        Assert.Contains("not part of A2A v0.3", noList.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_versions_it_speaks_are_accepted()
    {
        Assert.Throws<ArgumentException>(() => new A2AClient(server.Http, server.Endpoint, ProtocolBindings.JsonRpc, "2.0"));
        Assert.Equal("0.3", new A2AClient(server.Http, server.Endpoint, ProtocolBindings.JsonRpc, "0.3.0").ProtocolVersion);
    }
}
