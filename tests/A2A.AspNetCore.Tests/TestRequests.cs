using System.Net;
using System.Text;
using System.Text.Json;
using A2A.Client;
using A2A.Protocol;

namespace A2A.AspNetCore.Tests;

/// <summary>Requests and waits the server and interop tests share.</summary>
internal static class TestRequests
{
    public static Message UserMessage(string text, string? taskId = null, string? contextId = null) =>
        new() { MessageId = Guid.NewGuid().ToString(), Role = Role.User, Parts = [Part.FromText(text)], TaskId = taskId, ContextId = contextId };

    public static SendMessageRequest Send(string text, string? taskId = null, string? contextId = null, bool returnImmediately = false, int? historyLength = null) => new()
    {
        Message = UserMessage(text, taskId, contextId),
        Configuration = new SendMessageConfiguration { ReturnImmediately = returnImmediately, HistoryLength = historyLength },
    };

    /// <summary>Reads until <paramref name="done"/> holds, every 20 ms, for at most <paramref name="patience"/>.</summary>
    public static async Task<T> WaitUntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan patience)
    {
        DateTime deadline = DateTime.UtcNow + patience;
        while (true)
        {
            T value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not reached in {patience}; last value: {value}");
            }

            await Task.Delay(20);
        }
    }

    public static Task<AgentTask> WaitForStateAsync(A2AClient client, string taskId, TaskState state, TimeSpan patience) =>
        WaitUntilAsync(() => client.GetTaskAsync(taskId), t => t.Status.State == state, patience);

    /// <summary>POSTs a raw JSON-RPC body (with <c>A2A-Version</c> unless null) and returns the answer, which must be HTTP 200.</summary>
    public static async Task<JsonElement> PostRpcAsync(this ProbeServer server, string body, string? version = "1.0")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (version is not null)
        {
            request.Headers.Add("A2A-Version", version);
        }

        using HttpResponseMessage response = await server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
