using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using A2A.Json;
using A2A.Protocol;

namespace A2A.AspNetCore.Tests.Rest;

/// <summary>
/// The HTTP+JSON binding on the wire: the spec's routes and query parameters, bare StreamResponse events, and
/// google.rpc.Status errors with the spec's HTTP statuses (the shapes recorded from the JavaScript SDK's REST server).
/// </summary>
public sealed class RestBindingTests(ProbeServer server) : IClassFixture<ProbeServer>
{
    [Fact]
    public async Task Send_get_list_and_stream_answer_the_protocol_messages()
    {
        (HttpStatusCode status, JsonElement sent, string type) = await CallAsync(HttpMethod.Post, "message:send", Send("hello"));
        Assert.Equal((HttpStatusCode.OK, "application/a2a+json"), (status, type));
        AgentTask task = sent.GetProperty("task").Deserialize(A2AJson.TypeInfo<AgentTask>())!;
        Assert.Equal(TaskState.Completed, task.Status.State);

        (_, JsonElement got, _) = await CallAsync(HttpMethod.Get, $"tasks/{task.Id}?historyLength=0");
        Assert.Equal(task.Id, got.GetProperty("id").GetString());
        Assert.False(got.TryGetProperty("history", out _));

        await CallAsync(HttpMethod.Post, "message:send", Send("hello again"));
        (_, JsonElement page, _) = await CallAsync(HttpMethod.Get, $"tasks?status=TASK_STATE_COMPLETED&pageSize=1&includeArtifacts=true&statusTimestampAfter=2000-01-01T00:00:00Z");
        Assert.Equal(1, page.GetProperty("tasks").GetArrayLength());
        Assert.True(page.GetProperty("tasks")[0].TryGetProperty("artifacts", out _));
        string next = page.GetProperty("nextPageToken").GetString()!;
        (_, JsonElement second, _) = await CallAsync(HttpMethod.Get, $"tasks?status=TASK_STATE_COMPLETED&pageSize=1&pageToken={Uri.EscapeDataString(next)}");
        Assert.NotEqual(page.GetProperty("tasks")[0].GetProperty("id").GetString(), second.GetProperty("tasks")[0].GetProperty("id").GetString());

        using HttpRequestMessage stream = Request(HttpMethod.Post, "message:stream", Send("hello (stream)"));
        using HttpResponseMessage streamed = await server.Http.SendAsync(stream, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", streamed.Content.Headers.ContentType!.MediaType);
        string[] events = (await streamed.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(events, e => Assert.StartsWith("data: {", e, StringComparison.Ordinal));
        Assert.Equal(["task", "statusUpdate", "artifactUpdate", "artifactUpdate", "statusUpdate"],
            events.Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement.EnumerateObject().Single().Name));
    }

    [Fact]
    public async Task Cancel_and_subscribe_work_on_a_running_task()
    {
        (_, JsonElement started, _) = await CallAsync(HttpMethod.Post, "message:send", Send("slow please", returnImmediately: true));
        string id = started.GetProperty("task").GetProperty("id").GetString()!;
        await TestRequests.WaitUntilAsync(async () => (await server.Client.GetTaskAsync(id)).Status.State, s => s == TaskState.Working, TimeSpan.FromSeconds(10));

        using HttpRequestMessage subscribe = Request(HttpMethod.Post, $"tasks/{id}:subscribe");
        using HttpResponseMessage stream = await server.Http.SendAsync(subscribe, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType!.MediaType);

        (HttpStatusCode status, JsonElement canceled, _) = await CallAsync(HttpMethod.Post, $"tasks/{id}:cancel");
        Assert.Equal((HttpStatusCode.OK, "TASK_STATE_CANCELED"), (status, canceled.GetProperty("status").GetProperty("state").GetString()));
        string body = await stream.Content.ReadAsStringAsync();
        Assert.Contains("TASK_STATE_CANCELED", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "tasks/does-not-exist", null, HttpStatusCode.NotFound, "NOT_FOUND", "TASK_NOT_FOUND")]
    [InlineData("GET", "tasks/a%2Fb", null, HttpStatusCode.NotFound, "NOT_FOUND", "TASK_NOT_FOUND")]
    [InlineData("POST", "tasks/does-not-exist:cancel", null, HttpStatusCode.NotFound, "NOT_FOUND", "TASK_NOT_FOUND")]
    [InlineData("GET", "nothing-here", null, HttpStatusCode.NotFound, "NOT_FOUND", "METHOD_NOT_FOUND")]
    [InlineData("DELETE", "tasks", null, HttpStatusCode.NotFound, "NOT_FOUND", "METHOD_NOT_FOUND")]
    [InlineData("GET", "tasks/x?historyLength=many", null, HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "INVALID_PARAMS")]
    [InlineData("GET", "tasks/x?historyLength=-1", null, HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "INVALID_PARAMS")]
    [InlineData("GET", "tasks?status=TASK_STATE_NOPE", null, HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "INVALID_PARAMS")]
    [InlineData("GET", "tasks?pageSize=0", null, HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "INVALID_PARAMS")]
    [InlineData("GET", "tasks?includeArtifacts=yes", null, HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "INVALID_PARAMS")]
    [InlineData("GET", "tasks?statusTimestampAfter=yesterday", null, HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "INVALID_PARAMS")]
    [InlineData("GET", "tasks?pageToken=not-a-token", null, HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "INVALID_PARAMS")]
    [InlineData("POST", "message:send", "{not json", HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "PARSE_ERROR")]
    [InlineData("POST", "message:send", "[1,2]", HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "INVALID_PARAMS")]
    [InlineData("POST", "message:send", "{\"message\":{\"role\":7}}", HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "INVALID_PARAMS")]
    [InlineData("POST", "message:send", "{}", HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "INVALID_PARAMS")]
    [InlineData("POST", "message:send", null, HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "INVALID_PARAMS")]
    [InlineData("GET", "extendedAgentCard", null, HttpStatusCode.BadRequest, "FAILED_PRECONDITION", "UNSUPPORTED_OPERATION")]
    [InlineData("POST", "tasks/x/pushNotificationConfigs", "{\"url\":\"https://hooks.example/a\"}", HttpStatusCode.BadRequest, "FAILED_PRECONDITION", "PUSH_NOTIFICATION_NOT_SUPPORTED")]
    public async Task Bad_requests_get_the_spec_status_and_an_error_info_reason(string method, string path, string? body, HttpStatusCode expected, string status, string reason)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(server.BaseUrl, "a2a/" + path));
        request.Headers.Add("A2A-Version", "1.0");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        await AssertErrorAsync(request, expected, status, reason);
    }

    [Fact]
    public async Task Wrong_content_type_oversized_bodies_and_other_versions_are_refused_before_anything_runs()
    {
        using var text = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUrl, "a2a/message:send")) { Content = new StringContent(Json(Send("hi")), Encoding.UTF8, "text/plain") };
        text.Headers.Add("A2A-Version", "1.0");
        await AssertErrorAsync(text, HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "CONTENT_TYPE_NOT_SUPPORTED");

        using HttpRequestMessage big = Request(HttpMethod.Post, "message:send", Send(new string('x', 128 * 1024)));
        await AssertErrorAsync(big, HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "INVALID_REQUEST");

        using HttpRequestMessage newer = Request(HttpMethod.Get, "tasks");
        newer.Headers.Remove("A2A-Version");
        newer.Headers.Add("A2A-Version", "2.0");
        await AssertErrorAsync(newer, HttpStatusCode.BadRequest, "FAILED_PRECONDITION", "VERSION_NOT_SUPPORTED");
    }

    [Fact]
    public async Task Our_client_speaks_the_binding_and_throws_the_same_exceptions_as_over_json_rpc()
    {
        (A2A.Client.A2AClient client, _) = await A2A.Client.A2AClient.ConnectAsync(server.Http, new Uri(server.BaseUrl, "a2a/"), ProtocolBindings.HttpJson);
        Assert.Equal(ProtocolBindings.HttpJson, client.ProtocolBinding);

        AgentTask done = (await client.SendMessageAsync(Send("hello"))).Task!;
        Assert.Equal(TaskState.Completed, done.Status.State);
        Assert.Equal(done.Id, (await client.GetTaskAsync(done.Id, historyLength: 1)).Id);
        Assert.Contains((await client.ListTasksAsync(new ListTasksRequest { Status = TaskState.Completed, PageSize = 100 })).Tasks, t => t.Id == done.Id);

        var kinds = new List<StreamResponseKind>();
        await foreach (StreamResponse change in client.SendStreamingMessageAsync(Send("hello (stream)")))
        {
            kinds.Add(change.Kind);
        }

        Assert.Equal([StreamResponseKind.Task, StreamResponseKind.StatusUpdate, StreamResponseKind.ArtifactUpdate, StreamResponseKind.ArtifactUpdate, StreamResponseKind.StatusUpdate], kinds);
        Assert.Equal("pong", (await client.SendMessageAsync(Send("ping"))).Message!.GetText());

        await Assert.ThrowsAsync<A2A.Errors.TaskNotFoundException>(() => client.GetTaskAsync("no/such:task")); // '/' and ':' travel escaped
        await Assert.ThrowsAsync<A2A.Errors.TaskNotCancelableException>(() => client.CancelTaskAsync(done.Id));
        await Assert.ThrowsAsync<A2A.Errors.UnsupportedOperationException>(() => client.SendMessageAsync(TestRequests.Send("more", taskId: done.Id)));
        await Assert.ThrowsAsync<A2A.Errors.UnsupportedOperationException>(async () =>
        {
            await foreach (StreamResponse _ in client.SubscribeToTaskAsync(done.Id))
            {
            }
        });
        await Assert.ThrowsAsync<A2A.Errors.PushNotificationNotSupportedException>(() => client.ListTaskPushNotificationConfigsAsync(done.Id));

        // A running task is canceled through the binding too.
        (_, JsonElement started, _) = await CallAsync(HttpMethod.Post, "message:send", Send("slow please", returnImmediately: true));
        string running = started.GetProperty("task").GetProperty("id").GetString()!;
        Assert.Equal(TaskState.Canceled, (await client.CancelTaskAsync(running)).Status.State);
    }

    [Fact]
    public async Task The_card_lists_both_bindings_in_both_versions_at_the_agent_url()
    {
        AgentCard card = await A2A.Client.A2AClient.GetAgentCardAsync(server.Http, new Uri(server.BaseUrl, "a2a/"));
        Assert.Equal(["JSONRPC 1.0", "HTTP+JSON 1.0", "JSONRPC 0.3", "HTTP+JSON 0.3"], card.SupportedInterfaces.Select(i => $"{i.ProtocolBinding} {i.ProtocolVersion}"));
        Assert.Single(card.SupportedInterfaces.Select(i => i.Url).Distinct());
    }

    private async Task AssertErrorAsync(HttpRequestMessage request, HttpStatusCode expected, string status, string reason)
    {
        using HttpResponseMessage response = await server.Http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {text}");
        if (response.Content.Headers.ContentType?.MediaType != "application/a2a+json")
        {
            Assert.Fail($"Not an A2A error body ({response.Content.Headers.ContentType}): {text}");
        }

        JsonElement error = JsonDocument.Parse(text).RootElement.GetProperty("error");
        Assert.Equal(((int)expected, status), (error.GetProperty("code").GetInt32(), error.GetProperty("status").GetString()));
        JsonElement info = error.GetProperty("details")[0];
        Assert.Equal(("type.googleapis.com/google.rpc.ErrorInfo", reason, "a2a-protocol.org"),
            (info.GetProperty("@type").GetString(), info.GetProperty("reason").GetString(), info.GetProperty("domain").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body, string ContentType)> CallAsync(HttpMethod method, string path, SendMessageRequest? body = null)
    {
        using HttpRequestMessage request = Request(method, path, body);
        using HttpResponseMessage response = await server.Http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType ?? "");
    }

    private HttpRequestMessage Request(HttpMethod method, string path, SendMessageRequest? body = null)
    {
        var request = new HttpRequestMessage(method, new Uri(server.BaseUrl, "a2a/" + path));
        request.Headers.Add("A2A-Version", "1.0");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/a2a+json"));
        if (body is not null)
        {
            request.Content = new StringContent(Json(body), Encoding.UTF8, "application/a2a+json");
        }

        return request;
    }

    private static SendMessageRequest Send(string text, bool returnImmediately = false) =>
        TestRequests.Send(text, returnImmediately: returnImmediately);

    private static string Json(SendMessageRequest request) => A2AJson.Serialize(request);
}
