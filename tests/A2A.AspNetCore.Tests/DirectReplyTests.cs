using System.Net;
using System.Text;
using System.Text.Json;
using A2A.Protocol;

using static A2A.AspNetCore.Tests.TestRequests;

namespace A2A.AspNetCore.Tests;

/// <summary>
/// An agent that answers with a direct message ("ping" → "pong" in the probe agent), over real HTTP: SendMessage
/// answers <c>result.message</c>, SendStreamingMessage streams that one message and ends, and no task is stored.
/// </summary>
public class DirectReplyTests(ProbeServer server) : IClassFixture<ProbeServer>
{
    [Fact]
    public async Task SendMessage_answers_result_message_and_stores_no_task()
    {
        string contextId = "ctx-" + Guid.NewGuid();
        JsonElement answer = await server.PostRpcAsync(Rpc("SendMessage", "ping", contextId));

        JsonElement result = answer.GetProperty("result");
        Assert.False(result.TryGetProperty("task", out _));
        JsonElement message = result.GetProperty("message");
        Assert.Equal("ROLE_AGENT", message.GetProperty("role").GetString());
        Assert.Equal("pong", message.GetProperty("parts")[0].GetProperty("text").GetString());
        Assert.Equal(contextId, message.GetProperty("contextId").GetString());
        Assert.False(message.TryGetProperty("taskId", out _));
        Assert.False(string.IsNullOrEmpty(message.GetProperty("messageId").GetString()));
        Assert.Equal(0, (await server.Client.ListTasksAsync(new ListTasksRequest { ContextId = contextId })).TotalSize);
    }

    [Fact]
    public async Task A_reply_without_a_context_carries_a_new_one_and_return_immediately_changes_nothing()
    {
        SendMessageResponse blocking = await server.Client.SendMessageAsync(Send("ping"));
        SendMessageResponse immediate = await server.Client.SendMessageAsync(Send("ping", returnImmediately: true));

        Assert.Equal("pong", blocking.Message!.GetText());
        Assert.Equal("pong", immediate.Message!.GetText());
        Assert.False(string.IsNullOrEmpty(blocking.Message.ContextId));
        Assert.NotEqual(blocking.Message.ContextId, immediate.Message.ContextId);
        Assert.Equal(0, (await server.Client.ListTasksAsync(new ListTasksRequest { ContextId = blocking.Message.ContextId })).TotalSize);
    }

    [Fact]
    public async Task SendStreamingMessage_streams_the_one_message_and_ends()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint)
        {
            Content = new StringContent(Rpc("SendStreamingMessage", "ping (stream)", null), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("A2A-Version", "1.0");
        using HttpResponseMessage response = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);

        // ReadAsStringAsync returns only once the server closes the stream: the stream ended after the message.
        string body = await response.Content.ReadAsStringAsync().WaitAsync(TimeSpan.FromSeconds(15));
        string[] events = body.Split('\n').Where(line => line.StartsWith("data:", StringComparison.Ordinal)).ToArray();
        JsonElement only = JsonDocument.Parse(Assert.Single(events)["data:".Length..]).RootElement;
        JsonElement result = only.GetProperty("result");
        Assert.Equal(["message"], result.EnumerateObject().Select(p => p.Name));
        Assert.Equal("pong", result.GetProperty("message").GetProperty("parts")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Replies_and_tasks_interleave_without_mixing_up()
    {
        Task<SendMessageResponse>[] answers = Enumerable.Range(0, 40)
            .Select(i => Task.Run(() => server.Client.SendMessageAsync(Send(i % 2 == 0 ? "ping" : "hello"))))
            .ToArray();
        SendMessageResponse[] done = await Task.WhenAll(answers);

        for (int i = 0; i < done.Length; i++)
        {
            if (i % 2 == 0)
            {
                Assert.Equal(("pong", null), (done[i].Message?.GetText(), done[i].Task));
            }
            else
            {
                Assert.Equal(TaskState.Completed, done[i].Task!.Status.State);
                Assert.Null(done[i].Message);
            }
        }
    }

    private static string Rpc(string method, string text, string? contextId) => JsonSerializer.Serialize(new
    {
        jsonrpc = "2.0",
        id = 1,
        method,
        @params = new
        {
            message = new
            {
                messageId = Guid.NewGuid().ToString(),
                role = "ROLE_USER",
                parts = new[] { new { text } },
                contextId,
            },
        },
    });
}
