using A2A.Agents;
using A2A.Storage;
using static A2A.Runtime.Tests.TestModel;

namespace A2A.Runtime.Tests.Agents;

/// <summary>
/// An agent may answer a message with a direct reply instead of a task; the task a message starts is stored only on
/// the handler's first task event, so a reply leaves nothing behind, and task and reply exclude each other.
/// </summary>
public class DirectReplyTests
{
    private static readonly AgentHandler Ping = (_, _, updater, token) => updater.ReplyAsync("pong", token);

    [Fact]
    public async Task A_reply_is_the_answer_and_no_task_is_stored()
    {
        var store = new InMemoryTaskStore();
        var manager = new TaskManager(store);
        Message ask = UserMessage("ping", contextId: "ctx-1");

        SendMessageResponse answer = await AgentRunner.RunTurnAsync(manager, ask, Ping);

        Assert.Null(answer.Task);
        Message reply = Assert.IsType<Message>(answer.Message);
        Assert.Equal((Role.Agent, "pong", "ctx-1"), (reply.Role, reply.GetText(), reply.ContextId));
        Assert.Null(reply.TaskId);
        Assert.Empty((await store.ListAsync(new TaskQuery())).Tasks);
    }

    [Fact]
    public async Task A_reply_gets_the_context_the_task_would_have_had()
    {
        var manager = NewManager();
        AgentTurn turn = await AgentRunner.AcceptAsync(manager, UserMessage("ping"));

        SendMessageResponse answer = await AgentRunner.RunHandlerAsync(turn, Ping);

        Assert.False(string.IsNullOrEmpty(turn.Task.ContextId));
        Assert.Equal(turn.Task.ContextId, answer.Message!.ContextId);
        Assert.Same(answer.Message, turn.Reply);
        Assert.Equal(answer.Message, (await turn.Answered).Message);
        Assert.Null(await manager.TryGetTaskAsync(turn.Task.Id));
    }

    [Fact]
    public async Task The_first_update_stores_the_task_with_the_message_and_answers_the_turn()
    {
        var manager = NewManager();
        Message ask = UserMessage("work");
        AgentTurn turn = await AgentRunner.AcceptAsync(manager, ask);
        Assert.Null(await manager.TryGetTaskAsync(turn.Task.Id));
        Assert.False(turn.Answered.IsCompleted);
        Assert.Equal(TaskState.Submitted, turn.Task.Status.State);

        SendMessageResponse? seenAtCreation = null;
        SendMessageResponse answer = await AgentRunner.RunHandlerAsync(turn, async (_, task, updater, token) =>
        {
            await updater.StartWorkAsync(cancellationToken: token);
            seenAtCreation = await turn.Answered;
            await updater.CompleteAsync(cancellationToken: token);
        });

        // The first update creates the task and applies itself in the same write: the turn is answered with the task
        // as that write stored it, and its log still starts with the submitted snapshot.
        Assert.Equal(TaskState.Working, seenAtCreation!.Task!.Status.State);
        Assert.Equal(turn.Task.Id, seenAtCreation.Task.Id);
        IReadOnlyList<TaskEventRecord> log = await manager.Store.ReadEventsAsync(turn.Task.Id, 0, 10);
        Assert.Equal(TaskState.Submitted, log[0].Event.Task!.Status.State);
        Assert.Equal(TaskState.Working, log[1].Event.StatusUpdate!.Status.State);
        AgentTask stored = await manager.GetTaskAsync(turn.Task.Id);
        Assert.Equal(TaskState.Completed, stored.Status.State);
        Assert.Equal(ask.MessageId, stored.History[0].MessageId);
        Assert.Equal(stored.Id, answer.Task!.Id);
        Assert.True(turn.HasTask);
    }

    [Fact]
    public async Task An_update_after_a_reply_and_a_reply_after_an_update_are_refused()
    {
        var manager = NewManager();
        InvalidOperationException? updateAfterReply = null;
        await AgentRunner.RunTurnAsync(manager, UserMessage("a"), async (_, _, updater, token) =>
        {
            await updater.ReplyAsync("pong", token);
            updateAfterReply = await Assert.ThrowsAsync<InvalidOperationException>(() => updater.CompleteAsync(cancellationToken: token));
            await Assert.ThrowsAsync<InvalidOperationException>(() => updater.ReplyAsync("again", token));
        });
        Assert.Contains("direct reply", updateAfterReply!.Message, StringComparison.Ordinal);

        InvalidOperationException? replyAfterUpdate = null;
        SendMessageResponse answer = await AgentRunner.RunTurnAsync(manager, UserMessage("b"), async (_, _, updater, token) =>
        {
            await updater.StartWorkAsync(cancellationToken: token);
            replyAfterUpdate = await Assert.ThrowsAsync<InvalidOperationException>(() => updater.ReplyAsync("too late", token));
            await updater.CompleteAsync(cancellationToken: token);
        });
        Assert.Contains("already exists", replyAfterUpdate!.Message, StringComparison.Ordinal);
        Assert.Equal(TaskState.Completed, answer.Task!.Status.State);
    }

    [Fact]
    public async Task A_follow_up_is_answered_through_its_task_not_with_a_reply()
    {
        TaskManager manager = NewManager(TaskLifecycle.For(OptionalTaskStates.InputRequired));
        AgentTask asked = (await AgentRunner.RunTurnAsync(manager, UserMessage("go"), (_, _, u, t) => u.RequireInputAsync(u.NewAgentMessage("who?"), t))).Task!;

        InvalidOperationException? refused = null;
        SendMessageResponse answer = await AgentRunner.RunTurnAsync(manager, asked.Reply("me"), async (_, _, updater, token) =>
        {
            refused = await Assert.ThrowsAsync<InvalidOperationException>(() => updater.ReplyAsync("hi", token));
            await updater.StartWorkAsync(cancellationToken: token);
            await updater.CompleteAsync(cancellationToken: token);
        });

        Assert.Contains("continues task", refused!.Message, StringComparison.Ordinal);
        Assert.Equal((asked.Id, TaskState.Completed), (answer.Task!.Id, answer.Task.Status.State));
    }

    [Fact]
    public async Task Only_a_turns_updater_replies_and_a_reply_must_be_the_agents_own()
    {
        var manager = NewManager();
        AgentTask task = await manager.CreateTaskAsync(UserMessage("x"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => manager.CreateUpdater(task).ReplyAsync("no turn"));

        AgentTurn turn = await AgentRunner.AcceptAsync(manager, UserMessage("y", contextId: "ctx"));
        await Assert.ThrowsAsync<ArgumentException>(() => turn.Updater.ReplyAsync(UserMessage("from the user")));
        await Assert.ThrowsAsync<ArgumentException>(() => turn.Updater.ReplyAsync(AgentMessage("elsewhere") with { ContextId = "other" }));
        await Assert.ThrowsAsync<ArgumentException>(() => turn.Updater.ReplyAsync(AgentMessage("another task") with { TaskId = "t-other" }));
        Assert.Null(turn.Reply);

        // A message built for the pending task (updater.NewAgentMessage) is a fine reply: the task id is dropped.
        Message sent = await turn.Updater.ReplyAsync(turn.Updater.NewAgentMessage("ok"));
        Assert.Equal(("ctx", null), (sent.ContextId, sent.TaskId));
    }

    [Fact]
    public async Task A_handler_that_does_nothing_gets_a_failed_task_that_says_why()
    {
        var manager = NewManager();
        SendMessageResponse answer = await AgentRunner.RunTurnAsync(manager, UserMessage("hi"), (_, _, _, _) => Task.CompletedTask);

        AgentTask failed = answer.Task!;
        Assert.Equal(TaskState.Failed, failed.Status.State);
        Assert.Contains("without answering", failed.GetStatusText(), StringComparison.Ordinal);
        Assert.Equal(failed, await manager.GetTaskAsync(failed.Id), new TaskJsonComparer());
    }

    [Fact]
    public async Task A_handler_that_throws_before_any_update_gets_a_failed_task_and_one_that_throws_after_replying_keeps_its_reply()
    {
        var manager = NewManager();
        var seen = new List<Exception>();
        var options = new AgentRunOptions { OnHandlerException = (_, ex) => seen.Add(ex) };

        SendMessageResponse failed = await AgentRunner.RunTurnAsync(manager, UserMessage("a"), (_, _, _, _) => throw new InvalidOperationException("early"), options);
        Assert.Equal((TaskState.Failed, AgentRunner.HandlerFailedMessage), (failed.Task!.Status.State, failed.Task.GetStatusText()));

        SendMessageResponse replied = await AgentRunner.RunTurnAsync(manager, UserMessage("b"), async (_, _, updater, token) =>
        {
            await updater.ReplyAsync("pong", token);
            throw new InvalidOperationException("late");
        }, options);
        Assert.Equal("pong", replied.Message!.GetText());
        Assert.Equal(["early", "late"], seen.Select(e => e.Message));
        Assert.Single((await manager.ListTasksAsync()).Tasks);
    }

    [Fact]
    public async Task Cancelling_before_any_update_stores_a_canceled_task()
    {
        var manager = NewManager();
        using var cancel = new CancellationTokenSource();
        AgentTurn turn = await AgentRunner.AcceptAsync(manager, UserMessage("long"));
        var started = new TaskCompletionSource();

        Task<SendMessageResponse> running = AgentRunner.RunHandlerAsync(turn, async (_, _, _, token) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
        }, cancellationToken: cancel.Token);
        await started.Task;
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Equal(TaskState.Canceled, (await manager.GetTaskAsync(turn.Task.Id)).Status.State);
        Assert.Equal(turn.Task.Id, (await turn.Answered).Task!.Id);
    }

    [Fact]
    public async Task Parallel_first_updates_store_the_task_once()
    {
        var store = new InMemoryTaskStore();
        var manager = new TaskManager(store);
        SendMessageResponse answer = await AgentRunner.RunTurnAsync(manager, UserMessage("many"), async (_, _, updater, token) =>
        {
            await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => updater.AddArtifactAsync([Part.FromText($"part {i}")], $"a{i}", lastChunk: true, cancellationToken: token))));
            await updater.CompleteAsync(cancellationToken: token);
        });

        Assert.Equal(16, answer.Task!.Artifacts.Count);
        Assert.Single((await store.ListAsync(new TaskQuery())).Tasks);
        IReadOnlyList<TaskEventRecord> log = await store.ReadEventsAsync(answer.Task.Id, 0, 100);
        Assert.Equal(StreamResponseKind.Task, log[0].Event.Kind);
        Assert.Equal(1, log.Count(e => e.Event.Kind == StreamResponseKind.Task));
    }

    [Fact]
    public async Task A_reply_racing_an_update_leaves_exactly_one_answer()
    {
        var manager = NewManager();
        for (int round = 0; round < 200; round++)
        {
            AgentTurn turn = await AgentRunner.AcceptAsync(manager, UserMessage("race"));
            Task reply = Task.Run(() => turn.Updater.ReplyAsync("pong"));
            Task update = Task.Run(() => turn.Updater.StartWorkAsync());
            Task both = Task.WhenAll(reply, update);
            try
            {
                await both;
            }
            catch (InvalidOperationException)
            {
            }

            Assert.True(reply.IsCompletedSuccessfully ^ update.IsCompletedSuccessfully, $"round {round}: reply {reply.Status}, update {update.Status}");
            SendMessageResponse first = await turn.Answered;
            AgentTask? stored = await manager.TryGetTaskAsync(turn.Task.Id);
            Assert.Equal(reply.IsCompletedSuccessfully, first.Message is not null);
            Assert.Equal(update.IsCompletedSuccessfully, stored is not null);
        }
    }

    [Fact]
    public async Task RunAsync_is_for_task_answers_and_says_what_to_call_for_a_reply()
    {
        var manager = NewManager();
        InvalidOperationException refused = await Assert.ThrowsAsync<InvalidOperationException>(
            () => AgentRunner.RunAsync(manager, UserMessage("ping"), (_, updater, token) => updater.ReplyAsync("pong", token)));
        Assert.Contains("RunTurnAsync", refused.Message, StringComparison.Ordinal);
    }
}
