using System.Net;
using System.Text;
using System.Text.Json;
using A2A.Client;
using A2A.Errors;
using A2A.Protocol;

using static A2A.AspNetCore.Tests.TestRequests;

namespace A2A.AspNetCore.Tests;

/// <summary>The server over real HTTP on 127.0.0.1, driven by our client: the A2A v1.0 methods and their errors.</summary>
public class ServerTests(ProbeServer server) : IClassFixture<ProbeServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Card_is_served_with_the_endpoint_url_an_etag_and_304_on_a_match()
    {
        (A2AClient client, AgentCard card) = await A2AClient.ConnectAsync(server.Http, server.BaseUrl);
        Assert.Equal("a2a-dotnet probe agent", card.Name);
        Assert.Equal(server.Endpoint, client.Endpoint);

        using HttpResponseMessage first = await server.Http.GetAsync(new Uri(server.BaseUrl, ".well-known/agent-card.json"));
        string etag = first.Headers.ETag!.ToString();
        Assert.StartsWith("W/\"", etag);
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseUrl, ".well-known/agent-card.json"));
        again.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using HttpResponseMessage second = await server.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Send_waits_for_completion_and_returns_the_joined_artifact()
    {
        SendMessageResponse response = await server.Client.SendMessageAsync(Send("hello"));
        AgentTask task = Assert.IsType<AgentTask>(response.Task);
        Assert.Equal(TaskState.Completed, task.Status.State);
        Artifact artifact = Assert.Single(task.Artifacts);
        Assert.Equal("Hello, world!", string.Concat(artifact.Parts.Select(p => p.Text)));
        Assert.Equal(Role.User, task.History[0].Role);
    }

    [Fact]
    public async Task Stream_sends_the_snapshot_then_every_change_in_order_and_ends_at_completion()
    {
        var events = new List<StreamResponse>();
        await foreach (StreamResponse item in server.Client.SendStreamingMessageAsync(Send("hello (stream)")))
        {
            events.Add(item);
        }

        Assert.Equal(
            [StreamResponseKind.Task, StreamResponseKind.StatusUpdate, StreamResponseKind.ArtifactUpdate, StreamResponseKind.ArtifactUpdate, StreamResponseKind.StatusUpdate],
            events.Select(e => e.Kind));
        Assert.Equal(TaskState.Submitted, events[0].Task!.Status.State);
        Assert.Equal(TaskState.Working, events[1].StatusUpdate!.Status.State);
        Assert.Equal("Hello, ", events[2].ArtifactUpdate!.Artifact.Parts[0].Text);
        Assert.True(events[3].ArtifactUpdate!.Append);
        Assert.True(events[3].ArtifactUpdate!.LastChunk);
        Assert.Equal(TaskState.Completed, events[4].StatusUpdate!.Status.State);
        Assert.All(events, e => Assert.Equal(events[0].Task!.Id, e.TaskId));
    }

    [Fact]
    public async Task Get_honors_history_length_and_unknown_ids_are_task_not_found()
    {
        AgentTask sent = (await server.Client.SendMessageAsync(Send("hello"))).Task!;
        AgentTask full = await server.Client.GetTaskAsync(sent.Id);
        Assert.NotEmpty(full.History);
        AgentTask none = await server.Client.GetTaskAsync(sent.Id, historyLength: 0);
        Assert.Empty(none.History);

        A2AException error = await Assert.ThrowsAsync<TaskNotFoundException>(() => server.Client.GetTaskAsync("does-not-exist-" + Guid.NewGuid()));
        Assert.Equal(A2AErrorCodes.TaskNotFound, error.Code);
    }

    [Fact]
    public async Task Cancel_running_fires_the_handlers_token_cancel_is_idempotent_and_cancel_completed_is_not_cancelable()
    {
        AgentTask started = (await server.Client.SendMessageAsync(Send("slow please", returnImmediately: true))).Task!;
        Assert.False(started.Status.State.IsTerminal());
        await WaitForStateAsync(server.Client, started.Id, TaskState.Working, Patience);

        AgentTask canceled = await server.Client.CancelTaskAsync(started.Id);
        Assert.Equal(TaskState.Canceled, canceled.Status.State);

        // Spec 3.3.1: cancelling a canceled task answers the canceled task again.
        AgentTask again = await server.Client.CancelTaskAsync(started.Id);
        Assert.Equal(TaskState.Canceled, again.Status.State);
        Assert.Equal(canceled.Status.Timestamp, again.Status.Timestamp);

        AgentTask completed = (await server.Client.SendMessageAsync(Send("hello"))).Task!;
        Assert.Equal(TaskState.Completed, completed.Status.State);
        A2AException refused = await Assert.ThrowsAsync<TaskNotCancelableException>(() => server.Client.CancelTaskAsync(completed.Id));
        Assert.Equal(A2AErrorCodes.TaskNotCancelable, refused.Code);
    }

    [Fact]
    public async Task A_message_to_a_completed_task_is_refused_with_32004_and_changes_nothing()
    {
        AgentTask done = (await server.Client.SendMessageAsync(Send("hello"))).Task!;
        A2AException error = await Assert.ThrowsAnyAsync<A2AException>(() => server.Client.SendMessageAsync(Send("follow-up to a completed task", done.Id, done.ContextId)));
        Assert.Equal(A2AErrorCodes.UnsupportedOperation, error.Code);
        AgentTask after = await server.Client.GetTaskAsync(done.Id);
        Assert.Equal(done.History.Count, after.History.Count);
    }

    [Fact]
    public async Task Input_required_then_a_follow_up_on_the_same_task_completes_it()
    {
        AgentTask asked = (await server.Client.SendMessageAsync(Send("input needed"))).Task!;
        Assert.Equal(TaskState.InputRequired, asked.Status.State);

        AgentTask done = (await server.Client.SendMessageAsync(Send("here is more", asked.Id, asked.ContextId))).Task!;
        Assert.Equal(asked.Id, done.Id);
        Assert.Equal(TaskState.Completed, done.Status.State);
        Assert.Contains(done.History, m => m.Parts.Any(p => p.Text == "here is more"));
    }

    [Fact]
    public async Task A_follow_up_naming_another_context_is_invalid_params()
    {
        AgentTask asked = (await server.Client.SendMessageAsync(Send("input needed"))).Task!;
        A2AException error = await Assert.ThrowsAsync<InvalidParamsException>(() => server.Client.SendMessageAsync(Send("wrong context", asked.Id, "some-other-context")));
        Assert.Equal(A2AErrorCodes.InvalidParams, error.Code);
        Assert.Equal(TaskState.InputRequired, (await server.Client.GetTaskAsync(asked.Id)).Status.State);
    }

    [Fact]
    public async Task Streaming_follow_up_continues_the_interrupted_task()
    {
        AgentTask asked = (await server.Client.SendMessageAsync(Send("input needed"))).Task!;
        var states = new List<TaskState>();
        await foreach (StreamResponse item in server.Client.SendStreamingMessageAsync(Send("more", asked.Id, asked.ContextId)))
        {
            if ((item.Task?.Status ?? item.StatusUpdate?.Status) is { } status)
            {
                states.Add(status.State);
            }
        }

        Assert.Equal([TaskState.InputRequired, TaskState.Working, TaskState.Completed], states);
    }

    [Fact]
    public async Task Resubscribe_streams_a_running_task_until_it_is_canceled()
    {
        AgentTask started = (await server.Client.SendMessageAsync(Send("slow again", returnImmediately: true))).Task!;
        await WaitForStateAsync(server.Client, started.Id, TaskState.Working, Patience);

        var states = new List<TaskState>();
        Task reading = Task.Run(async () =>
        {
            await foreach (StreamResponse item in server.Client.SubscribeToTaskAsync(started.Id))
            {
                if ((item.Task?.Status ?? item.StatusUpdate?.Status) is { } status)
                {
                    lock (states)
                    {
                        states.Add(status.State);
                    }
                }
            }
        });
        await WaitUntilAsync(() => Task.FromResult(states.Count), n => n > 0, Patience);
        await server.Client.CancelTaskAsync(started.Id);
        await reading.WaitAsync(Patience);
        Assert.Equal([TaskState.Working, TaskState.Canceled], states);

        A2AException terminal = await Assert.ThrowsAsync<UnsupportedOperationException>(async () =>
        {
            await foreach (StreamResponse _ in server.Client.SubscribeToTaskAsync(started.Id))
            {
            }
        });
        Assert.Equal(A2AErrorCodes.UnsupportedOperation, terminal.Code);
    }

    [Fact]
    public async Task Return_immediately_answers_before_the_task_is_finished()
    {
        AgentTask first = (await server.Client.SendMessageAsync(Send("slow", returnImmediately: true))).Task!;
        Assert.Contains(first.Status.State, new[] { TaskState.Submitted, TaskState.Working });
        await server.Client.CancelTaskAsync(first.Id);
    }

    [Fact]
    public async Task A_client_that_disconnects_from_a_stream_does_not_cancel_the_agent()
    {
        using var cts = new CancellationTokenSource();
        string? taskId = null;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (StreamResponse item in server.Client.SendStreamingMessageAsync(Send("slow stream"), cts.Token))
            {
                taskId ??= item.TaskId;
                if (item.StatusUpdate?.Status.State == TaskState.Working)
                {
                    await cts.CancelAsync();
                }
            }
        });

        await Task.Delay(200);
        Assert.Equal(TaskState.Working, (await server.Client.GetTaskAsync(taskId!)).Status.State);
        Assert.Equal(TaskState.Canceled, (await server.Client.CancelTaskAsync(taskId!)).Status.State);
    }

    [Fact]
    public async Task List_filters_by_context_and_state_and_pages()
    {
        string context = Guid.NewGuid().ToString();
        for (int i = 0; i < 3; i++)
        {
            await server.Client.SendMessageAsync(Send("hello " + i, contextId: context));
        }

        ListTasksResponse page = await server.Client.ListTasksAsync(new ListTasksRequest { ContextId = context, PageSize = 2 });
        Assert.Equal(3, page.TotalSize);
        Assert.Equal(2, page.Tasks.Count);
        Assert.All(page.Tasks, t => Assert.Empty(t.Artifacts));
        ListTasksResponse rest = await server.Client.ListTasksAsync(new ListTasksRequest { ContextId = context, PageSize = 2, PageToken = page.NextPageToken, IncludeArtifacts = true });
        AgentTask last = Assert.Single(rest.Tasks);
        Assert.NotEmpty(last.Artifacts);
        Assert.Equal("", rest.NextPageToken);

        ListTasksResponse none = await server.Client.ListTasksAsync(new ListTasksRequest { ContextId = context, Status = TaskState.Working });
        Assert.Equal(0, none.TotalSize);
    }

    [Fact]
    public async Task Push_config_and_extended_card_methods_answer_their_not_supported_errors()
    {
        JsonElement push = await server.PostRpcAsync("""{"jsonrpc":"2.0","id":"p1","method":"CreateTaskPushNotificationConfig","params":{"taskId":"x","url":"http://127.0.0.1/hook"}}""");
        Assert.Equal(A2AErrorCodes.PushNotificationNotSupported, push.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("p1", push.GetProperty("id").GetString());

        // Spec 3.3.4: the card does not declare an extended card, so the method is an unsupported operation.
        await Assert.ThrowsAsync<UnsupportedOperationException>(() => server.Client.GetExtendedAgentCardAsync());
    }

    [Fact]
    public async Task A_missing_version_header_means_v03_where_v1_method_names_are_unknown_like_the_js_sdk()
    {
        JsonElement answer = await server.PostRpcAsync("""{"jsonrpc":"2.0","id":1,"method":"SendMessage","params":{"message":{"messageId":"m","role":"ROLE_USER","parts":[{"text":"hi"}]}}}""", version: null);
        JsonElement error = answer.GetProperty("error");
        Assert.Equal(A2AErrorCodes.MethodNotFound, error.GetProperty("code").GetInt32());
        Assert.StartsWith("Method not found: SendMessage.", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(error.TryGetProperty("data", out _)); // a v0.3 error: code and message

        JsonElement unsupported = (await server.PostRpcAsync("""{"jsonrpc":"2.0","id":2,"method":"SendMessage","params":{}}""", version: "2.0")).GetProperty("error");
        Assert.Equal(A2AErrorCodes.VersionNotSupported, unsupported.GetProperty("code").GetInt32());
        Assert.Equal("The requested A2A protocol version '2.0' is not supported. Supported versions: 1.0, 0.3", unsupported.GetProperty("message").GetString());
    }
}
