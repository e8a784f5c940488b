using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using A2A.Diagnostics;
using A2A.Errors;
using A2A.Json;
using A2A.Protocol;
using A2A.Testing;

using static A2A.AspNetCore.Tests.TestRequests;

namespace A2A.AspNetCore.Tests.Push;

/// <summary>
/// Push notifications end to end on 127.0.0.1: configurations through the four methods and inline in SendMessage,
/// delivered to a real webhook (MapA2APushReceiver) with the configuration's headers, retried when it fails.
/// </summary>
public sealed class PushNotificationTests(PushProbeServer server) : IClassFixture<PushProbeServer>, IAsyncLifetime
{
    private WebhookReceiver _hook = null!;

    public async Task InitializeAsync() => _hook = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _hook.DisposeAsync();

    [Fact]
    public async Task The_card_declares_push_notifications_when_the_options_turn_them_on()
    {
        AgentCard card = await A2A.Client.A2AClient.GetAgentCardAsync(server.Http, server.BaseUrl);
        Assert.True(card.Capabilities.PushNotifications);
    }

    [Fact]
    public async Task An_inline_config_gets_the_task_status_changes_and_whole_artifacts_with_its_credentials()
    {
        SendMessageRequest first = Send("input please") with { Configuration = new SendMessageConfiguration { TaskPushNotificationConfig = _hook.Config(token: "tok-1") } };
        AgentTask asked = (await server.Client.SendMessageAsync(first)).Task!;
        Assert.Equal(TaskState.InputRequired, asked.Status.State);
        await server.Client.SendMessageAsync(Send("more", taskId: asked.Id));

        // (Only this task's: a webhook port may be one an earlier test's webhook had, with that task's retries still coming.)
        IReadOnlyList<WebhookReceiver.Received> got = (await _hook.WaitForAsync(r => r.Any(x => x.Body.Contains(asked.Id) && x.Summary == "status TASK_STATE_COMPLETED")))
            .Where(r => r.Body.Contains(asked.Id)).ToArray();
        Assert.Equal(
            ["task TASK_STATE_SUBMITTED", "status TASK_STATE_INPUT_REQUIRED", "status TASK_STATE_WORKING", "artifact Hello, world!", "status TASK_STATE_COMPLETED"],
            got.Select(r => r.Summary));
        Assert.All(got, r => Assert.Equal(("Bearer hook-secret", "tok-1", "application/a2a+json"), (r.Authorization, r.Token, r.ContentType)));

        // The artifact completion carries the whole artifact, so the receiver's task manager needs no chunks.
        StreamResponse artifact = A2AJson.Deserialize<StreamResponse>(got[3].Body);
        Assert.Equal((asked.Id, false, true), (artifact.ArtifactUpdate!.TaskId, artifact.ArtifactUpdate.Append, artifact.ArtifactUpdate.LastChunk));
        AgentTask seen = _hook.Feed.GetTask(asked.Id)!;
        Assert.Equal(TaskState.Completed, seen.Status.State);
        Assert.Equal("Hello, world!", string.Concat(seen.Artifacts.Single().Parts.Select(p => p.Text)));
    }

    [Theory]
    [InlineData("JSONRPC")]
    [InlineData("HTTP+JSON")]
    public async Task A_webhook_registered_in_v03_gets_the_task_in_v03_json_and_our_receiver_reads_it(string binding)
    {
        var v03 = new A2A.Client.A2AClient(server.Http, server.Endpoint, binding, "0.3");
        AgentTask asked = (await v03.SendMessageAsync(Send("input please"))).Task!;
        await v03.CreateTaskPushNotificationConfigAsync(_hook.Config(asked.Id, token: "tok-03"));
        await v03.SendMessageAsync(Send("more", taskId: asked.Id));

        IReadOnlyList<WebhookReceiver.Received> got = (await _hook.WaitForAsync(r => r.Any(x => x.Body.Contains(asked.Id) && x.Body.Contains("\"completed\"", StringComparison.Ordinal))))
            .Where(r => r.Body.Contains(asked.Id)).ToArray();
        Assert.All(got, r => Assert.Equal(("Bearer hook-secret", "tok-03", "application/json", 204), (r.Authorization, r.Token, r.ContentType, r.Status)));
        foreach (WebhookReceiver.Received notification in got)
        {
            // The task itself, as v0.3 writes it (JS SDK's V03PushNotificationSerializer): kind, lowercase state.
            using var body = System.Text.Json.JsonDocument.Parse(notification.Body);
            Assert.Equal(("task", asked.Id), (body.RootElement.GetProperty("kind").GetString(), body.RootElement.GetProperty("id").GetString()));
            Assert.DoesNotContain("TASK_STATE_", notification.Body, StringComparison.Ordinal);
        }

        // MapA2APushReceiver reads v0.3 notifications as task snapshots.
        Assert.Equal(TaskState.Completed, _hook.Feed.GetTask(asked.Id)!.Status.State);
    }

    [Fact]
    public async Task Create_get_list_and_delete_manage_configs_and_withhold_credentials()
    {
        AgentTask task = (await server.Client.SendMessageAsync(Send("input please"))).Task!;
        A2A.Client.A2AClient client = server.Client;

        TaskPushNotificationConfig created = await client.CreateTaskPushNotificationConfigAsync(_hook.Config(task.Id));
        Assert.False(string.IsNullOrEmpty(created.Id));
        Assert.Equal((task.Id, _hook.Url, "Bearer", null), (created.TaskId, created.Url, created.Authentication!.Scheme, created.Authentication.Credentials));

        TaskPushNotificationConfig named = await client.CreateTaskPushNotificationConfigAsync(_hook.Config(task.Id) with { Id = "mine" });
        Assert.Equal("mine", named.Id);
        Assert.Equal(_hook.Url, (await client.GetTaskPushNotificationConfigAsync(task.Id, "mine")).Url);
        Assert.Equal([created.Id, "mine"], (await client.ListTaskPushNotificationConfigsAsync(task.Id)).Configs.Select(c => c.Id));
        Assert.All((await client.ListTaskPushNotificationConfigsAsync(task.Id)).Configs, c => Assert.Null(c.Authentication!.Credentials));

        // Replacing by id is allowed at the cap; a new one beyond it is refused.
        await client.CreateTaskPushNotificationConfigAsync(_hook.Config(task.Id) with { Id = "third" });
        await client.CreateTaskPushNotificationConfigAsync(_hook.Config(task.Id) with { Id = "third", Token = "replaced" });
        await Assert.ThrowsAsync<InvalidParamsException>(() => client.CreateTaskPushNotificationConfigAsync(_hook.Config(task.Id) with { Id = "fourth" }));

        await client.DeleteTaskPushNotificationConfigAsync(task.Id, "mine");
        await client.DeleteTaskPushNotificationConfigAsync(task.Id, "mine"); // idempotent
        await Assert.ThrowsAsync<TaskNotFoundException>(() => client.GetTaskPushNotificationConfigAsync(task.Id, "mine"));
        Assert.Equal([created.Id, "third"], (await client.ListTaskPushNotificationConfigsAsync(task.Id)).Configs.Select(c => c.Id));

        // A config created later is told the changes from then on.
        await client.SendMessageAsync(Send("more", taskId: task.Id));
        IReadOnlyList<WebhookReceiver.Received> got = await _hook.WaitForAsync(r => r.Count(x => x.Summary == "status TASK_STATE_COMPLETED" && x.Body.Contains(task.Id)) == 2);
        Assert.DoesNotContain(got, r => r.Body.Contains(task.Id) && r.Summary.StartsWith("task", StringComparison.Ordinal));
        // One completion per remaining config: the first one and the replaced "third" (with its new token).
        Assert.Equal(["", "replaced"], got.Where(r => r.Body.Contains(task.Id) && r.Summary == "status TASK_STATE_COMPLETED").Select(r => r.Token).Order());
    }

    [Fact]
    public async Task The_http_json_binding_manages_configs_as_resources_of_their_task()
    {
        AgentTask task = (await server.Client.SendMessageAsync(Send("input please"))).Task!;
        string configs = $"a2a/tasks/{task.Id}/pushNotificationConfigs";

        using HttpResponseMessage created = await SendAsync(HttpMethod.Post, configs, A2AJson.Serialize(_hook.Config() with { Id = "rest-1" }));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        TaskPushNotificationConfig stored = A2AJson.Deserialize<TaskPushNotificationConfig>(await created.Content.ReadAsStringAsync());
        Assert.Equal(("rest-1", task.Id, null), (stored.Id, stored.TaskId, stored.Authentication!.Credentials));

        using HttpResponseMessage listed = await SendAsync(HttpMethod.Get, configs);
        Assert.Contains("\"rest-1\"", await listed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using HttpResponseMessage read = await SendAsync(HttpMethod.Get, configs + "/rest-1");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using HttpResponseMessage deleted = await SendAsync(HttpMethod.Delete, configs + "/rest-1");
        Assert.Equal((HttpStatusCode.OK, "{}"), (deleted.StatusCode, await deleted.Content.ReadAsStringAsync()));
        using HttpResponseMessage gone = await SendAsync(HttpMethod.Get, configs + "/rest-1");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        // A body naming another task than the path is refused.
        using HttpResponseMessage mismatch = await SendAsync(HttpMethod.Post, configs, A2AJson.Serialize(_hook.Config("another-task")));
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(server.BaseUrl, path));
        request.Headers.Add("A2A-Version", "1.0");
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/a2a+json");
        }

        return await server.Http.SendAsync(request);
    }

    [Fact]
    public async Task Unknown_tasks_and_configs_answer_task_not_found()
    {
        A2A.Client.A2AClient client = server.Client;
        await Assert.ThrowsAsync<TaskNotFoundException>(() => client.CreateTaskPushNotificationConfigAsync(_hook.Config("no-such-task")));
        await Assert.ThrowsAsync<TaskNotFoundException>(() => client.ListTaskPushNotificationConfigsAsync("no-such-task"));
        await Assert.ThrowsAsync<TaskNotFoundException>(() => client.DeleteTaskPushNotificationConfigAsync("no-such-task", "x"));
        AgentTask task = (await client.SendMessageAsync(Send("hello"))).Task!;
        await Assert.ThrowsAsync<TaskNotFoundException>(() => client.GetTaskPushNotificationConfigAsync(task.Id, "never-made"));
    }

    [Theory]
    [InlineData("Bearer", "abc\r\nX-Injected: 1", "control characters")]
    [InlineData("Bearer", "abc\nX-Injected: 1", "control characters")]
    [InlineData("Bearer", "", "credentials is empty")]
    [InlineData("Bear er", "abc", "authentication scheme")]
    [InlineData("", "abc", "authentication scheme")]
    public async Task Credentials_that_cannot_be_sent_safely_are_refused_at_registration(string scheme, string credentials, string expected)
    {
        AgentTask task = (await server.Client.SendMessageAsync(Send("hello"))).Task!;
        TaskPushNotificationConfig config = _hook.Config(task.Id) with { Authentication = new AuthenticationInfo { Scheme = scheme, Credentials = credentials } };
        InvalidParamsException refused = await Assert.ThrowsAsync<InvalidParamsException>(() => server.Client.CreateTaskPushNotificationConfigAsync(config));
        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);

        // Inline, the message is refused before anything is created.
        SendMessageRequest inline = Send("hello") with { Configuration = new SendMessageConfiguration { TaskPushNotificationConfig = config with { TaskId = null } } };
        await Assert.ThrowsAsync<InvalidParamsException>(() => server.Client.SendMessageAsync(inline));
    }

    [Theory]
    [InlineData("ftp://example.com/hook")]
    [InlineData("not a url")]
    [InlineData("https://user:pass@example.com/hook")]
    public async Task Urls_that_are_not_plain_http_are_refused(string url)
    {
        AgentTask task = (await server.Client.SendMessageAsync(Send("hello"))).Task!;
        await Assert.ThrowsAsync<InvalidParamsException>(() => server.Client.CreateTaskPushNotificationConfigAsync(_hook.Config(task.Id) with { Url = url }));
    }

    [Fact]
    public async Task A_failing_webhook_gets_the_notification_again_until_it_accepts_it()
    {
        var retries = new ConcurrentBag<long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == A2ATelemetry.Name && instrument.Name == "a2a.push.retries")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => retries.Add(value));
        listener.Start();

        _hook.FailNext(2);
        SendMessageRequest send = Send("reject this") with { Configuration = new SendMessageConfiguration { TaskPushNotificationConfig = _hook.Config() } };
        AgentTask task = (await server.Client.SendMessageAsync(send)).Task!;

        await _hook.WaitForAsync(r => r.Any(x => x.Body.Contains(task.Id) && x.Summary == "status TASK_STATE_REJECTED"));
        WebhookReceiver.Received[] all = _hook.Requests.Where(r => r.Body.Contains(task.Id)).ToArray();
        Assert.Equal([503, 503, 204], all.Take(3).Select(r => r.Status));
        Assert.Equal(all[0].Body, all[2].Body); // the same notification, again
        Assert.Equal(["task TASK_STATE_SUBMITTED", "status TASK_STATE_REJECTED"], _hook.Accepted.Where(r => r.Body.Contains(task.Id)).Select(r => r.Summary));
        Assert.True(retries.Count >= 2);
    }

    [Fact]
    public async Task A_webhook_that_keeps_failing_is_given_up_after_the_last_attempt_and_the_next_notification_follows()
    {
        _hook.FailNext(4); // MaxAttempts: the first notification is given up
        SendMessageRequest send = Send("fail this") with { Configuration = new SendMessageConfiguration { TaskPushNotificationConfig = _hook.Config() } };
        AgentTask task = (await server.Client.SendMessageAsync(send)).Task!;

        await _hook.WaitForAsync(r => r.Any(x => x.Body.Contains(task.Id) && x.Summary == "status TASK_STATE_FAILED"));
        Assert.Equal(4, _hook.Requests.Count(r => r.Body.Contains(task.Id) && r.Status == 503));
        Assert.DoesNotContain(_hook.Accepted, r => r.Body.Contains(task.Id) && r.Summary == "task TASK_STATE_SUBMITTED");
    }
}
