using System.Net;
using System.Net.Http.Headers;
using System.Text;
using A2A.Json;
using A2A.Protocol;
using A2A.Testing;

namespace A2A.AspNetCore.Tests.Push;

/// <summary>
/// The webhook side on its own (MapA2APushReceiver with a PushNotificationTaskFeed): what it accepts, what it refuses
/// with which status, and that a redelivered notification is applied once.
/// </summary>
public sealed class PushReceiverTests : IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = WebhookReceiver.Hang };
    private WebhookReceiver _hook = null!;

    public async Task InitializeAsync() => _hook = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _hook.DisposeAsync();
    }

    [Fact]
    public async Task Notifications_are_applied_once_and_bad_ones_refused_with_a_status_the_agent_does_not_retry()
    {
        string task = A2AJson.Serialize(StreamResponse.From(new AgentTask { Id = "t1", ContextId = "c1", Status = new AgentTaskStatus { State = TaskState.Working } }));
        string completed = Status("t1", TaskState.Completed);

        Assert.Equal(HttpStatusCode.NoContent, await PostAsync(task));
        Assert.Equal(HttpStatusCode.NoContent, await PostAsync(completed));
        Assert.Equal(HttpStatusCode.NoContent, await PostAsync(completed)); // a redelivery: acknowledged, not applied again
        Assert.Equal(TaskState.Completed, _hook.Feed.GetTask("t1")!.Status.State);

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(completed, credentials: "wrong"));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(completed, credentials: null));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, await PostAsync(completed, contentType: "text/plain"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("{not json"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("{}"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("[1,2]"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await PostAsync("{\"task\":\"" + new string('x', 2 * 1024 * 1024) + "\"}"));

        // A finished task that is told it works again: the notification breaks the lifecycle, and retrying would not help.
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(Status("t1", TaskState.Working)));
        Assert.Equal(TaskState.Completed, _hook.Feed.GetTask("t1")!.Status.State);
    }

    private static string Status(string taskId, TaskState state) =>
        A2AJson.Serialize(StreamResponse.From(new TaskStatusUpdateEvent { TaskId = taskId, ContextId = "c1", Status = new AgentTaskStatus { State = state } }));

    private async Task<HttpStatusCode> PostAsync(string body, string? credentials = "hook-secret", string contentType = "application/a2a+json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _hook.Url) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (credentials is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials);
        }

        using HttpResponseMessage response = await _http.SendAsync(request);
        return response.StatusCode;
    }
}
