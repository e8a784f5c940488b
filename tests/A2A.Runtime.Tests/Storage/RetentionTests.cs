namespace A2A.Runtime.Tests.Storage;

/// <summary>Finished tasks expire, are capped and compacted as configured; active tasks are never touched.</summary>
public class RetentionTests
{
    [Fact]
    public async Task Finished_tasks_expire_after_their_time_to_live_and_active_ones_stay()
    {
        var clock = new ManualClock();
        var store = new InMemoryTaskStore(new InMemoryTaskStoreOptions { FinishedTaskTimeToLive = TimeSpan.FromMinutes(10) }, clock);
        var manager = new TaskManager(store, timeProvider: clock);
        AgentTask done = await manager.CreateTaskAsync();
        await manager.UpdateStatusAsync(done.Id, TaskState.Completed);
        AgentTask active = await manager.CreateTaskAsync();

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.NotNull(await store.GetAsync(done.Id));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await store.GetAsync(done.Id));
        await Assert.ThrowsAsync<TaskNotFoundException>(() => manager.GetTaskAsync(done.Id));
        Assert.Equal([active.Id], (await store.ListAsync(new TaskQuery())).Tasks.Select(t => t.Id));

        clock.Advance(TimeSpan.FromDays(30));
        Assert.NotNull(await store.GetAsync(active.Id));
    }

    [Fact]
    public async Task Beyond_the_maximum_the_tasks_that_finished_first_are_removed()
    {
        var store = new InMemoryTaskStore(new InMemoryTaskStoreOptions { MaxFinishedTasks = 3 });
        var manager = new TaskManager(store);
        var finished = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            AgentTask task = await manager.CreateTaskAsync();
            await manager.UpdateStatusAsync(task.Id, i % 2 == 0 ? TaskState.Completed : TaskState.Failed);
            finished.Add(task.Id);
        }

        AgentTask active = await manager.CreateTaskAsync();
        TaskPage all = await store.ListAsync(new TaskQuery());
        Assert.Equal(finished.Skip(2).Append(active.Id).Order(), all.Tasks.Select(t => t.Id).Order());
        Assert.Null(await store.GetAsync(finished[0]));
    }

    [Fact]
    public async Task A_compacted_finished_task_keeps_its_final_snapshot_as_its_whole_log()
    {
        var store = new InMemoryTaskStore(new InMemoryTaskStoreOptions { CompactFinishedTasks = true });
        var manager = new TaskManager(store);
        AgentTask task = await manager.CreateTaskAsync(TestModel.UserMessage("hi"));
        TaskUpdater updater = manager.CreateUpdater(task);
        await updater.StartWorkAsync();
        await updater.AddArtifactAsync([Part.FromText("result")]);
        AgentTask completed = await updater.CompleteAsync();

        StoredTask stored = (await store.GetAsync(task.Id))!;
        IReadOnlyList<TaskEventRecord> log = await store.ReadEventsAsync(task.Id, 0, 100);
        TaskEventRecord only = Assert.Single(log);
        Assert.Equal(stored.Version, only.Sequence);
        Assert.Equal(completed, only.Event.Task);
        Assert.Equal(completed, TaskProjection.Replay(log.Select(r => r.Event), TaskLifecycle.Full));
        Assert.Empty(await store.ReadEventsAsync(task.Id, stored.Version, 100));

        // A late subscriber, even one resuming from an old sequence, gets the final task.
        TaskEventRecord resumed = Assert.Single(await ToListAsync(manager.SubscribeAsync(task.Id, new TaskSubscriptionOptions { AfterSequence = 1 })));
        Assert.Equal(TaskState.Completed, resumed.Event.Task!.Status.State);
    }

    [Fact]
    public async Task Delete_removes_a_task_and_wakes_its_waiters()
    {
        var store = new InMemoryTaskStore();
        var manager = new TaskManager(store);
        AgentTask task = await manager.CreateTaskAsync();
        Task waiting = store.WaitForEventsAsync(task.Id, 1).AsTask();
        Assert.False(waiting.IsCompleted);

        Assert.True(await store.DeleteAsync(task.Id));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Null(await store.GetAsync(task.Id));
        Assert.False(await store.DeleteAsync(task.Id));
        await Assert.ThrowsAsync<TaskNotFoundException>(async () => await store.ReadEventsAsync(task.Id, 0, 10));
    }

    [Fact]
    public void Nonsensical_retention_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryTaskStore(new InMemoryTaskStoreOptions { FinishedTaskTimeToLive = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryTaskStore(new InMemoryTaskStoreOptions { MaxFinishedTasks = -1 }));
        Assert.Throws<ArgumentNullException>(() => new InMemoryTaskStore(null!));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
