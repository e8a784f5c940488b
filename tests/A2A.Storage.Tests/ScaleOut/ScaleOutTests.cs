using A2A.Client;
using A2A.Errors;
using A2A.Protocol;
using A2A.Tasks;
using A2A.Testing;

namespace A2A.Storage.Tests.ScaleOut;

/// <summary>
/// Several real server processes over one PostgreSQL database: events cross instances in order, a CancelTask at one
/// instance stops the handler running at another, follow-ups go to any instance, and the tasks of a SIGKILLed
/// instance are settled by a survivor once its run lease expires.
/// </summary>
public sealed class ScaleOutTests
{
    [Fact]
    public async Task A_subscriber_on_one_instance_receives_in_order_every_event_of_a_handler_running_on_another()
    {
        string database = await (await PostgresCluster.Shared).CreateDatabaseAsync("scale");
        await using TestServerProcess a = await TestServerProcess.StartAsync("A", "postgres", database);
        await using TestServerProcess b = await TestServerProcess.StartAsync("B", "postgres", database);

        AgentTask started = await StartAsync(a.Client, "count 300");
        var folded = new ClientTaskManager();
        int events = 0;
        await foreach (StreamResponse change in b.Client.SubscribeToTaskAsync(started.Id).WithCancellation(Timeout()))
        {
            folded.Process(change);
            events++;
        }

        AgentTask onB = folded.GetTaskOrThrow();
        Assert.Equal(TaskState.Completed, onB.Status.State);
        string expected = string.Concat(Enumerable.Range(0, 300).Select(i => $"chunk {i};"));
        Assert.Equal(expected, TextOf(onB));
        Assert.Equal(A2A.Json.A2AJson.Serialize(await a.Client.GetTaskAsync(started.Id)), A2A.Json.A2AJson.Serialize(onB));
        Assert.True(events >= 2, "the subscription should carry a snapshot and at least the final update");
    }

    [Fact]
    public async Task CancelTask_at_one_instance_fires_the_token_of_the_handler_running_at_another()
    {
        string database = await (await PostgresCluster.Shared).CreateDatabaseAsync("scale");
        await using TestServerProcess a = await TestServerProcess.StartAsync("A", "postgres", database);
        await using TestServerProcess b = await TestServerProcess.StartAsync("B", "postgres", database);

        // A handler that only its token can end.
        AgentTask waiting = await StartAsync(a.Client, "wait");
        await WaitForChunksAsync(b.Client, waiting.Id, 1);
        AgentTask canceled = await b.Client.CancelTaskAsync(waiting.Id);
        Assert.Equal(TaskState.Canceled, canceled.Status.State);
        await a.WaitForLineAsync(line => line == $"canceled {waiting.Id}");

        // A handler busy writing may trip over the canceled task before its token fires: still a cancellation.
        AgentTask streaming = await StartAsync(a.Client, "stream");
        await WaitForChunksAsync(b.Client, streaming.Id, 5);
        Assert.Equal(TaskState.Canceled, (await b.Client.CancelTaskAsync(streaming.Id)).Status.State);
        await a.WaitForLineAsync(line => line == $"ended {streaming.Id}");
        Assert.Equal(TaskState.Canceled, (await a.Client.GetTaskAsync(streaming.Id)).Status.State);
        Assert.DoesNotContain("threw", a.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_may_arrive_at_any_instance_but_not_while_another_runs_the_task()
    {
        string database = await (await PostgresCluster.Shared).CreateDatabaseAsync("scale");
        await using TestServerProcess a = await TestServerProcess.StartAsync("A", "postgres", database);
        await using TestServerProcess b = await TestServerProcess.StartAsync("B", "postgres", database);

        // Asked for input on A, answered on B.
        AgentTask waiting = (await a.Client.SendMessageAsync(new SendMessageRequest { Message = Message.FromUser("input") })).Task!;
        Assert.Equal(TaskState.InputRequired, waiting.Status.State);
        AgentTask answered = (await b.Client.SendMessageAsync(new SendMessageRequest { Message = FollowUp(waiting, "hello") })).Task!;
        Assert.Equal(TaskState.Completed, answered.Status.State);
        Assert.Equal("B got hello", TextOf(answered));

        // A task A is running refuses a follow-up sent to B, and nothing is appended to it.
        AgentTask running = await StartAsync(a.Client, "stream");
        await WaitForChunksAsync(a.Client, running.Id, 2);
        A2AException refused = await Assert.ThrowsAnyAsync<A2AException>(() => b.Client.SendMessageAsync(new SendMessageRequest { Message = FollowUp(running, "interrupt") }));
        Assert.Contains("another server instance", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain((await b.Client.GetTaskAsync(running.Id)).History, m => m.Parts.Any(p => p.Text == "interrupt"));
        await a.Client.CancelTaskAsync(running.Id);
    }

    [Fact]
    public async Task The_running_tasks_of_a_killed_instance_are_failed_by_a_survivor_and_waiting_ones_keep_waiting()
    {
        string database = await (await PostgresCluster.Shared).CreateDatabaseAsync("scale");
        await using TestServerProcess a = await TestServerProcess.StartAsync("A", "postgres", database);
        await using TestServerProcess b = await TestServerProcess.StartAsync("B", "postgres", database);

        AgentTask running = await StartAsync(a.Client, "stream");
        AgentTask waiting = (await a.Client.SendMessageAsync(new SendMessageRequest { Message = Message.FromUser("input") })).Task!;
        await WaitForChunksAsync(b.Client, running.Id, 3);

        await a.KillAsync();

        // B settles the orphan once A's lease runs out; a subscriber on B sees it happen.
        AgentTask settled = await FollowToEndAsync(b.Client, running.Id);
        Assert.Equal(TaskState.Failed, settled.Status.State);
        Assert.Contains("stopped before the task finished", settled.Status.Message!.Parts.Single().Text, StringComparison.Ordinal);

        // The interrupted task was not half done: it still waits, and B can finish it.
        Assert.Equal(TaskState.InputRequired, (await b.Client.GetTaskAsync(waiting.Id)).Status.State);
        AgentTask answered = (await b.Client.SendMessageAsync(new SendMessageRequest { Message = FollowUp(waiting, "still there?") })).Task!;
        Assert.Equal("B got still there?", TextOf(answered));
    }

    internal static CancellationToken Timeout() => new CancellationTokenSource(TestServerProcess.Hang).Token;

    /// <summary>Sends a message that starts a task and returns as soon as the task exists.</summary>
    internal static async Task<AgentTask> StartAsync(A2AClient client, string text) =>
        (await client.SendMessageAsync(new SendMessageRequest
        {
            Message = Message.FromUser(text),
            Configuration = new SendMessageConfiguration { ReturnImmediately = true },
        })).Task!;

    /// <summary>Follows the task until it has at least <paramref name="count"/> chunks in its artifact; returns the chunks' text.</summary>
    internal static async Task<string> WaitForChunksAsync(A2AClient client, string taskId, int count)
    {
        var folded = new ClientTaskManager();
        await foreach (StreamResponse change in client.SubscribeToTaskAsync(taskId).WithCancellation(Timeout()))
        {
            folded.Process(change);
            string text = TextOf(folded.GetTaskOrThrow());
            if (text.Split(';', StringSplitOptions.RemoveEmptyEntries).Length >= count)
            {
                return text;
            }
        }

        Assert.Fail($"Task {taskId} ended before it had {count} chunks: {A2A.Json.A2AJson.Serialize(folded.GetTaskOrThrow())}");
        return "";
    }

    /// <summary>
    /// Subscribes and folds the stream until the task is terminal; a task that got there before the subscription
    /// (SubscribeToTask refuses terminal tasks) is read instead.
    /// </summary>
    internal static async Task<AgentTask> FollowToEndAsync(A2AClient client, string taskId)
    {
        var folded = new ClientTaskManager();
        try
        {
            await foreach (StreamResponse change in client.SubscribeToTaskAsync(taskId).WithCancellation(Timeout()))
            {
                folded.Process(change);
            }
        }
        catch (A2A.Errors.UnsupportedOperationException) when (folded.GetTask() is null)
        {
            return await client.GetTaskAsync(taskId);
        }

        return folded.GetTaskOrThrow();
    }

    /// <summary>The text of the task's first artifact (its chunks are parts of their own).</summary>
    internal static string TextOf(AgentTask task) => string.Concat(task.Artifacts.FirstOrDefault()?.Parts.Select(p => p.Text) ?? []);

    internal static Message FollowUp(AgentTask task, string text) => Message.FromUser(text, task.ContextId) with { TaskId = task.Id };
}
