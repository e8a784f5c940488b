using System.Net;
using System.Text;
using System.Text.Json;
using A2A.Errors;
using A2A.Protocol;

using static A2A.AspNetCore.Tests.TestRequests;

namespace A2A.AspNetCore.Tests;

/// <summary>Spec requirements and races that the happy paths do not reach, over real HTTP on 127.0.0.1.</summary>
public class ConformanceTests(ProbeServer server) : IClassFixture<ProbeServer>
{
    // A hang detector, not a timing assert: a cancel that still has not answered after this long never will.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Cancel_answers_while_refused_follow_ups_race_it()
    {
        // Each round: a task waiting for input, a follow-up the server refuses after reserving the task (it names
        // another context), and a cancel, all at once. Every cancel must answer, and the task ends canceled.
        for (int round = 0; round < 40; round++)
        {
            AgentTask waiting = (await server.Client.SendMessageAsync(Send("input needed"))).Task!;
            Assert.Equal(TaskState.InputRequired, waiting.Status.State);

            Task<SendMessageResponse>[] refused = Enumerable.Range(0, 4)
                .Select(_ => Task.Run(() => server.Client.SendMessageAsync(Send("answer", taskId: waiting.Id, contextId: "not-" + waiting.ContextId))))
                .ToArray();
            Task<AgentTask> cancel = Task.Run(() => server.Client.CancelTaskAsync(waiting.Id));

            AgentTask canceled = await cancel.WaitAsync(Hang);
            Assert.Equal(TaskState.Canceled, canceled.Status.State);
            foreach (Task<SendMessageResponse> followUp in refused)
            {
                await Assert.ThrowsAnyAsync<A2AException>(() => followUp.WaitAsync(Hang));
            }
        }
    }

    // Deterministic version of the race: the follow-up's read of the task is slowed down, so the refused follow-up holds
    // its reservation while the cancel arrives and finds it. Before the fix the cancel waited for a run that would
    // never start.
    [Fact]
    public async Task Cancel_answers_when_it_meets_a_refused_follow_up_holding_the_task()
    {
        await using var slow = new SlowReadsServer();
        await slow.InitializeAsync();
        AgentTask waiting = (await slow.Client.SendMessageAsync(Send("input needed"))).Task!;

        slow.Store.DelayNextRead(TimeSpan.FromMilliseconds(400));
        Task<SendMessageResponse> refused = Task.Run(() => slow.Client.SendMessageAsync(Send("answer", taskId: waiting.Id, contextId: "not-" + waiting.ContextId)));
        await Task.Delay(100); // the follow-up is now reserved and reading; not a timing assert, only the order of arrival
        AgentTask canceled = await slow.Client.CancelTaskAsync(waiting.Id).WaitAsync(Hang);

        Assert.Equal(TaskState.Canceled, canceled.Status.State);
        await Assert.ThrowsAsync<InvalidParamsException>(() => refused.WaitAsync(Hang));
    }

    [Fact]
    public async Task List_tasks_always_carries_its_required_fields()
    {
        JsonElement empty = await server.PostRpcAsync("""{"jsonrpc":"2.0","id":1,"method":"ListTasks","params":{"contextId":"no-such-context"}}""");
        JsonElement result = empty.GetProperty("result");
        Assert.Equal(0, result.GetProperty("tasks").GetArrayLength());
        Assert.Equal("", result.GetProperty("nextPageToken").GetString());
        Assert.Equal(50, result.GetProperty("pageSize").GetInt32());
        Assert.Equal(0, result.GetProperty("totalSize").GetInt32());

        AgentTask task = (await server.Client.SendMessageAsync(Send("hello"))).Task!;
        JsonElement last = (await server.PostRpcAsync($$$"""{"jsonrpc":"2.0","id":2,"method":"ListTasks","params":{"contextId":"{{{task.ContextId}}}","pageSize":5}}""")).GetProperty("result");
        Assert.Equal(1, last.GetProperty("tasks").GetArrayLength());
        Assert.Equal("", last.GetProperty("nextPageToken").GetString());
        Assert.Equal(5, last.GetProperty("pageSize").GetInt32());
        Assert.Equal(1, last.GetProperty("totalSize").GetInt32());
    }

    [Fact]
    public async Task Timestamps_on_the_wire_have_millisecond_precision()
    {
        AgentTask task = (await server.Client.SendMessageAsync(Send("hello"))).Task!;
        JsonElement got = (await server.PostRpcAsync($$$"""{"jsonrpc":"2.0","id":1,"method":"GetTask","params":{"id":"{{{task.Id}}}"}}""")).GetProperty("result");
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", got.GetProperty("status").GetProperty("timestamp").GetString());
    }

    [Fact]
    public async Task A_subscription_carries_task_status_and_artifact_events_only()
    {
        AgentTask waiting = (await server.Client.SendMessageAsync(Send("input needed"))).Task!;
        var kinds = new List<StreamResponseKind>();
        var subscribed = new TaskCompletionSource();
        Task reading = Task.Run(async () =>
        {
            await foreach (StreamResponse item in server.Client.SubscribeToTaskAsync(waiting.Id))
            {
                kinds.Add(item.Kind);
                subscribed.TrySetResult();
            }
        });
        await subscribed.Task.WaitAsync(Hang);

        // The follow-up appends a user message to the task's history: it shows in snapshots, not as a stream event.
        AgentTask done = (await server.Client.SendMessageAsync(Send("here you go", taskId: waiting.Id, contextId: waiting.ContextId))).Task!;
        Assert.Equal(TaskState.Completed, done.Status.State);
        await reading.WaitAsync(Hang);

        Assert.Equal(StreamResponseKind.Task, kinds[0]);
        Assert.DoesNotContain(StreamResponseKind.Message, kinds);
        Assert.Contains(StreamResponseKind.StatusUpdate, kinds);
    }

    // ProtoJSON parsers accept proto field names as well as camelCase; metadata keys are the user's and stay as written.
    [Fact]
    public async Task Params_may_use_proto_field_names()
    {
        JsonElement sent = (await server.PostRpcAsync("""
            {"jsonrpc":"2.0","id":1,"method":"SendMessage","params":{
              "message":{"message_id":"proto-names","role":"ROLE_USER","parts":[{"text":"hello"}],"metadata":{"keep_me":1}},
              "configuration":{"history_length":0}}}
            """)).GetProperty("result").GetProperty("task");
        Assert.False(sent.TryGetProperty("history", out _)); // history_length 0 was read
        string id = sent.GetProperty("id").GetString()!;

        JsonElement none = (await server.PostRpcAsync($$$"""{"jsonrpc":"2.0","id":2,"method":"GetTask","params":{"id":"{{{id}}}","history_length":0}}""")).GetProperty("result");
        Assert.False(none.TryGetProperty("history", out _));
        JsonElement all = (await server.PostRpcAsync($$$"""{"jsonrpc":"2.0","id":3,"method":"GetTask","params":{"id":"{{{id}}}"}}""")).GetProperty("result");
        JsonElement message = all.GetProperty("history").EnumerateArray().Single(m => m.GetProperty("messageId").GetString() == "proto-names");
        Assert.Equal(1, message.GetProperty("metadata").GetProperty("keep_me").GetInt32());
    }

    [Fact]
    public async Task The_card_carries_last_modified_beside_its_etag()
    {
        using HttpResponseMessage card = await server.Http.GetAsync(new Uri(server.BaseUrl, "a2a/.well-known/agent-card.json"));
        Assert.Equal(HttpStatusCode.OK, card.StatusCode);
        Assert.NotNull(card.Headers.ETag);
        Assert.NotNull(card.Content.Headers.LastModified);
        Assert.True(card.Content.Headers.LastModified <= DateTimeOffset.UtcNow);
    }

    private sealed class SlowReadsServer : ProbeServer, IAsyncDisposable
    {
        public SlowStore Store { get; } = new();

        protected override A2A.Storage.ITaskStore CreateStore() => Store;

        ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
    }

    /// <summary>An in-memory store whose next read, once asked, takes a while.</summary>
    private sealed class SlowStore : A2A.Storage.ITaskStore
    {
        private readonly A2A.Storage.InMemoryTaskStore _inner = new();
        private long _nextDelayTicks;

        public void DelayNextRead(TimeSpan delay) => Interlocked.Exchange(ref _nextDelayTicks, delay.Ticks);

        public async ValueTask<A2A.Storage.StoredTask?> GetAsync(string taskId, CancellationToken cancellationToken = default)
        {
            long ticks = Interlocked.Exchange(ref _nextDelayTicks, 0);
            if (ticks > 0)
            {
                await Task.Delay(TimeSpan.FromTicks(ticks), cancellationToken);
            }

            return await _inner.GetAsync(taskId, cancellationToken);
        }

        public ValueTask<A2A.Storage.StoredTask> CreateAsync(AgentTask task, string? owner = null, CancellationToken cancellationToken = default) => _inner.CreateAsync(task, owner, cancellationToken);

        public ValueTask<A2A.Storage.StoredTask> UpdateAsync(AgentTask task, long expectedVersion, StreamResponse change, CancellationToken cancellationToken = default) =>
            _inner.UpdateAsync(task, expectedVersion, change, cancellationToken);

        public ValueTask<A2A.Storage.TaskPage> ListAsync(A2A.Storage.TaskQuery query, CancellationToken cancellationToken = default) => _inner.ListAsync(query, cancellationToken);

        public ValueTask<IReadOnlyList<A2A.Storage.TaskEventRecord>> ReadEventsAsync(string taskId, long afterSequence, int maxCount, CancellationToken cancellationToken = default) =>
            _inner.ReadEventsAsync(taskId, afterSequence, maxCount, cancellationToken);

        public ValueTask WaitForEventsAsync(string taskId, long afterSequence, CancellationToken cancellationToken = default) =>
            _inner.WaitForEventsAsync(taskId, afterSequence, cancellationToken);

        public ValueTask<bool> DeleteAsync(string taskId, CancellationToken cancellationToken = default) => _inner.DeleteAsync(taskId, cancellationToken);
    }
}
