using static A2A.Runtime.Tests.TestModel;

namespace A2A.Runtime.Tests.Tasks;

public class TaskSubscriptionTests
{
    [Fact]
    public async Task A_late_subscriber_gets_the_snapshot_first_then_live_events_until_terminal()
    {
        TaskManager manager = NewManager();
        AgentTask task = await manager.CreateTaskAsync(UserMessage("go"));
        await manager.UpdateStatusAsync(task.Id, TaskState.Working);

        Task<List<TaskEventRecord>> subscriber = CollectAsync(manager.SubscribeAsync(task.Id));
        await manager.AddArtifactAsync(task.Id, TextArtifact("a", "x"));
        await manager.UpdateStatusAsync(task.Id, TaskState.Completed);

        List<TaskEventRecord> events = await subscriber;
        Assert.Equal(StreamResponseKind.Task, events[0].Event.Kind);
        Assert.Equal(TaskState.Working, events[0].Event.Task!.Status.State); // the state at subscription time
        Assert.Equal([StreamResponseKind.ArtifactUpdate, StreamResponseKind.StatusUpdate], events.Skip(1).Select(e => e.Event.Kind));
        Assert.Equal([2L, 3L, 4L], events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Every_subscriber_gets_every_event()
    {
        TaskManager manager = NewManager();
        AgentTask task = await manager.CreateTaskAsync();
        Task<List<TaskEventRecord>>[] subscribers = Enumerable.Range(0, 8).Select(_ => CollectAsync(manager.SubscribeAsync(task.Id))).ToArray();

        await manager.UpdateStatusAsync(task.Id, TaskState.Working);
        for (int i = 0; i < 50; i++)
        {
            await manager.AddArtifactAsync(task.Id, TextArtifact($"a{i}", "x"));
        }

        await manager.UpdateStatusAsync(task.Id, TaskState.Completed);
        foreach (List<TaskEventRecord> events in await Task.WhenAll(subscribers))
        {
            // Each subscriber started from some snapshot version and then saw every later event exactly once, in order.
            long start = events[0].Sequence;
            Assert.Equal(Enumerable.Range((int)start, 53 - (int)start + 1).Select(i => (long)i), events.Select(e => e.Sequence));
            Assert.Equal(TaskState.Completed, events[^1].Event.StatusUpdate!.Status.State);
        }
    }

    [Fact]
    public async Task Subscribing_to_a_terminal_task_yields_its_snapshot_and_ends()
    {
        TaskManager manager = NewManager();
        AgentTask task = await manager.CreateTaskAsync();
        await manager.UpdateStatusAsync(task.Id, TaskState.Rejected);
        TaskEventRecord only = Assert.Single(await CollectAsync(manager.SubscribeAsync(task.Id)));
        Assert.Equal(TaskState.Rejected, only.Event.Task!.Status.State);
    }

    [Fact]
    public async Task Interrupted_states_keep_the_stream_open_unless_asked_otherwise()
    {
        TaskManager manager = NewManager();
        AgentTask task = await manager.CreateTaskAsync();
        Task<List<TaskEventRecord>> whole = CollectAsync(manager.SubscribeAsync(task.Id));
        Task<List<TaskEventRecord>> untilInterrupted = CollectAsync(manager.SubscribeAsync(task.Id, new TaskSubscriptionOptions { EndAtInterruption = true }));

        await manager.UpdateStatusAsync(task.Id, TaskState.InputRequired);
        List<TaskEventRecord> shortStream = await untilInterrupted;
        Assert.Equal(TaskState.InputRequired, shortStream[^1].Event.StatusUpdate!.Status.State);
        Assert.False(whole.IsCompleted);

        await manager.UpdateStatusAsync(task.Id, TaskState.Working);
        await manager.UpdateStatusAsync(task.Id, TaskState.Completed);
        Assert.Equal(
            [TaskState.InputRequired, TaskState.Working, TaskState.Completed],
            (await whole).Skip(1).Select(e => e.Event.StatusUpdate!.Status.State));
    }

    [Fact]
    public async Task Resuming_after_a_sequence_replays_what_was_missed()
    {
        TaskManager manager = NewManager();
        AgentTask task = await manager.CreateTaskAsync();
        await manager.UpdateStatusAsync(task.Id, TaskState.Working);   // 2
        await manager.AddArtifactAsync(task.Id, TextArtifact("a", "1")); // 3
        await manager.AddArtifactAsync(task.Id, TextArtifact("a", "2"), append: true); // 4
        await manager.UpdateStatusAsync(task.Id, TaskState.Completed); // 5

        List<TaskEventRecord> resumed = await CollectAsync(manager.SubscribeAsync(task.Id, new TaskSubscriptionOptions { AfterSequence = 2 }));
        Assert.Equal([3L, 4L, 5L], resumed.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Unknown_task_subscription_fails_with_TaskNotFound()
    {
        await Assert.ThrowsAsync<TaskNotFoundException>(() => CollectAsync(NewManager().SubscribeAsync("nope")));
    }

    [Fact]
    public async Task Cancelling_the_subscriber_ends_its_wait()
    {
        TaskManager manager = NewManager();
        AgentTask task = await manager.CreateTaskAsync();
        using var cts = new CancellationTokenSource();
        IAsyncEnumerator<TaskEventRecord> enumerator = manager.SubscribeAsync(task.Id, cancellationToken: cts.Token).GetAsyncEnumerator();
        Assert.True(await enumerator.MoveNextAsync()); // snapshot
        ValueTask<bool> next = enumerator.MoveNextAsync();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await next);
        await enumerator.DisposeAsync();
    }
}
