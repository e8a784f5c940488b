using A2A.Errors;
using A2A.Json;
using A2A.Protocol;
using A2A.Tasks;
using A2A.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace A2A.Storage.Conformance;

/// <summary>
/// What every <see cref="ITaskStore"/> must do, as tests: compare-and-swap under racing writers, an event log that
/// replays to the stored task, subscriptions that resume after a sequence, ListTasks order, filters and paging,
/// retention, deletion, and clear errors for bad input. Derive a class in your test project, return your store from
/// <see cref="CreateStoreAsync"/>, and every test runs against it.
/// </summary>
public abstract class TaskStoreConformanceTests : StoreSuite
{
    // A hang detector for waits that must end, not a timing assert.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(20);


    /// <summary>
    /// A new, empty store with <paramref name="retention"/>, on <paramref name="clock"/> (retention's clock). Each
    /// call must return a store that shares nothing with the ones returned before.
    /// </summary>
    protected abstract ValueTask<ITaskStore> CreateStoreAsync(TaskRetentionOptions retention, TimeProvider clock);

    [Fact]
    public async Task Create_starts_at_version_one_with_the_snapshot_as_event_one()
    {
        ITaskStore store = await NewStoreAsync();
        AgentTask task = NewTask("t1");
        StoredTask created = await store.CreateAsync(task);

        Assert.Equal(1, created.Version);
        StoredTask read = (await store.GetAsync("t1"))!;
        Assert.Equal((1L, Json(task)), (read.Version, Json(read.Task)));
        TaskEventRecord only = Assert.Single(await store.ReadEventsAsync("t1", 0, 10));
        Assert.Equal((1L, StreamResponseKind.Task, "t1"), (only.Sequence, only.Event.Kind, only.Event.Task!.Id));
    }

    [Fact]
    public async Task Any_task_and_event_the_toolkit_makes_is_read_back_exactly()
    {
        // Generated toward ProtoJSON's edges (empty text, empty data, files without bytes, metadata of every JSON
        // kind): what a store keeps must come back as it went in, through get, list, and the event log.
        ITaskStore store = await NewStoreAsync();
        Gen<(AgentTask Created, AgentTask Changed, StreamResponse Change)> writes =
            from created in ModelGenerators.Task
            from changed in ModelGenerators.Task
            let same = changed with { Id = created.Id, ContextId = created.ContextId }
            from change in ModelGenerators.EventOf(same)
            select (created, same, change);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), Prop.ForAll(writes.ToArbitrary(), write =>
        {
            (AgentTask created, AgentTask changed, StreamResponse change) = write;
            store.CreateAsync(created).AsTask().GetAwaiter().GetResult();
            StoredTask v2 = store.UpdateAsync(changed, 1, change).AsTask().GetAwaiter().GetResult();
            Assert.Equal(Json(changed), Json(v2.Task));
            Assert.Equal(Json(changed), Json(store.GetAsync(created.Id).AsTask().GetAwaiter().GetResult()!.Task));
            IReadOnlyList<TaskEventRecord> log = store.ReadEventsAsync(created.Id, 0, 10).AsTask().GetAwaiter().GetResult();
            Assert.Equal(
                [A2AJson.Serialize(StreamResponse.From(created)), A2AJson.Serialize(change)],
                log.Select(e => A2AJson.Serialize(e.Event)));
            return true;
        }));

        TaskPage listed = await store.ListAsync(new TaskQuery { PageSize = 100 });
        Assert.Equal(40, listed.TotalSize);
        foreach (AgentTask task in listed.Tasks)
        {
            Assert.Equal(Json(task), Json((await store.GetAsync(task.Id))!.Task));
        }
    }

    [Fact]
    public async Task A_task_created_with_its_first_change_is_both_writes_in_one()
    {
        ITaskStore store = await NewStoreAsync();
        AgentTask created = NewTask("t1");
        AgentTask working = NewTask("t1", TaskState.Working);
        StoredTask stored = await store.CreateAsync(created, "alice", new TaskChange(Status(working), working));

        Assert.Equal((2L, "alice", Json(working)), (stored.Version, stored.Owner, Json(stored.Task)));
        Assert.Equal((2L, Json(working)), ((await store.GetAsync("t1"))!.Version, Json((await store.GetAsync("t1"))!.Task)));
        Assert.Equal(
            [(1L, StreamResponseKind.Task), (2L, StreamResponseKind.StatusUpdate)],
            (await store.ReadEventsAsync("t1", 0, 10)).Select(e => (e.Sequence, e.Event.Kind)));
        Assert.Equal(Json(working), Json(await ReplayAsync(store, "t1")));

        // An id that exists is refused whole: the first task and its log stay as they were.
        await Assert.ThrowsAsync<TaskAlreadyExistsException>(async () => await store.CreateAsync(NewTask("t1", context: "other"), null, new TaskChange(Status(working), working)));
        Assert.Equal(2, (await store.ReadEventsAsync("t1", 0, 10)).Count);
        Assert.Equal("c1", (await store.GetAsync("t1"))!.Task.ContextId);
    }

    [Fact]
    public async Task A_task_created_finished_with_compaction_keeps_its_final_snapshot_only()
    {
        ITaskStore store = await NewStoreAsync(new TaskRetentionOptions { CompactFinishedTasks = true });
        AgentTask done = NewTask("t1", TaskState.Completed);
        StoredTask stored = await store.CreateAsync(NewTask("t1"), null, new TaskChange(Status(done), done));

        Assert.Equal(2, stored.Version);
        TaskEventRecord only = Assert.Single(await store.ReadEventsAsync("t1", 0, 10));
        Assert.Equal((2L, StreamResponseKind.Task), (only.Sequence, only.Event.Kind));
        Assert.Equal(Json(done), Json(await ReplayAsync(store, "t1")));
    }

    [Fact]
    public async Task Duplicate_ids_are_refused_and_the_first_task_stays()
    {
        ITaskStore store = await NewStoreAsync();
        await store.CreateAsync(NewTask("t1", context: "first"));
        await Assert.ThrowsAsync<TaskAlreadyExistsException>(async () => await store.CreateAsync(NewTask("t1", context: "second")));
        Assert.Equal("first", (await store.GetAsync("t1"))!.Task.ContextId);
    }

    [Fact]
    public async Task Update_is_compare_and_swap_and_a_loser_appends_nothing()
    {
        ITaskStore store = await NewStoreAsync();
        StoredTask v1 = await store.CreateAsync(NewTask("t1"));
        AgentTask working = NewTask("t1", TaskState.Working);

        StoredTask v2 = await store.UpdateAsync(working, v1.Version, Status(working));
        TaskVersionConflictException conflict = await Assert.ThrowsAsync<TaskVersionConflictException>(async () => await store.UpdateAsync(working, v1.Version, Status(working)));

        Assert.Equal(2, v2.Version);
        Assert.Equal((1L, 2L), (conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal(2, (await store.GetAsync("t1"))!.Version);
        Assert.Equal([1L, 2L], (await store.ReadEventsAsync("t1", 0, 10)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task Unknown_ids_are_task_not_found_and_get_returns_null()
    {
        ITaskStore store = await NewStoreAsync();
        Assert.Null(await store.GetAsync("nope"));
        await Assert.ThrowsAsync<TaskNotFoundException>(async () => await store.UpdateAsync(NewTask("nope"), 1, StreamResponse.From(NewTask("nope"))));
        await Assert.ThrowsAsync<TaskNotFoundException>(async () => await store.ReadEventsAsync("nope", 0, 1));
        await Assert.ThrowsAsync<TaskNotFoundException>(async () => await store.WaitForEventsAsync("nope", 0));
        Assert.False(await store.DeleteAsync("nope"));
    }

    [Fact]
    public async Task Of_64_racing_writers_on_one_version_exactly_one_wins()
    {
        ITaskStore store = await NewStoreAsync();
        StoredTask v1 = await store.CreateAsync(NewTask("t1"));
        AgentTask working = NewTask("t1", TaskState.Working);

        Task<StoredTask>[] writers = Enumerable.Range(0, 64)
            .Select(_ => Task.Run(async () => await store.UpdateAsync(working, v1.Version, Status(working))))
            .ToArray();
        await Task.WhenAll(writers).ContinueWith(_ => { });

        Assert.Equal(1, writers.Count(w => w.IsCompletedSuccessfully));
        Assert.All(writers.Where(w => !w.IsCompletedSuccessfully), w => Assert.IsType<TaskVersionConflictException>(w.Exception!.InnerException));
        Assert.Equal(2, (await store.GetAsync("t1"))!.Version);
    }

    [Fact]
    public async Task Sixty_four_writers_through_the_task_manager_all_land_and_only_one_finishes_the_task()
    {
        ITaskStore store = await NewStoreAsync();
        var manager = new TaskManager(store);
        AgentTask task = await manager.CreateTaskAsync(UserMessage("go"));
        await manager.UpdateStatusAsync(task.Id, TaskState.Working);

        await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() =>
            manager.AddArtifactAsync(task.Id, new Artifact { ArtifactId = $"a{i}", Parts = [Part.FromText($"part {i}")] }))));
        Task<AgentTask>[] finishers = Enumerable.Range(0, 64)
            .Select(i => Task.Run(() => manager.UpdateStatusAsync(task.Id, i % 2 == 0 ? TaskState.Completed : TaskState.Failed)))
            .ToArray();
        await Task.WhenAll(finishers).ContinueWith(_ => { });

        Assert.Equal(1, finishers.Count(f => f.IsCompletedSuccessfully));
        Assert.All(finishers.Where(f => !f.IsCompletedSuccessfully), f => Assert.IsType<InvalidTaskStateException>(f.Exception!.InnerException));
        StoredTask stored = (await store.GetAsync(task.Id))!;
        Assert.Equal(64, stored.Task.Artifacts.Count);
        Assert.Equal(1 + 1 + 64 + 1, stored.Version);
    }

    [Fact]
    public async Task The_event_log_replays_to_the_stored_task()
    {
        ITaskStore store = await NewStoreAsync();
        var manager = new TaskManager(store);
        AgentTask task = await manager.CreateTaskAsync(UserMessage("plan a trip"), metadata: new Dictionary<string, System.Text.Json.JsonElement> { ["k"] = A2AJson.Deserialize<System.Text.Json.JsonElement>("1") });
        TaskUpdater updater = manager.CreateUpdater(task);
        await updater.StartWorkAsync(updater.NewAgentMessage("working"));
        string id = await updater.AddArtifactAsync([Part.FromText("Hello, ")], name: "greeting");
        await updater.AddArtifactAsync([Part.FromText("world!")], id, append: true, lastChunk: true);
        await updater.RequireInputAsync(updater.NewAgentMessage("who?"));
        await manager.UpdateWithMessageAsync(task.Id, UserMessage("me", task.Id, task.ContextId));
        await updater.StartWorkAsync();
        await updater.CompleteAsync(updater.NewAgentMessage("done"));

        AgentTask replayed = await ReplayAsync(store, task.Id);
        Assert.Equal(Json((await store.GetAsync(task.Id))!.Task), Json(replayed));
        Assert.Equal("Hello, world!", string.Concat(replayed.Artifacts.Single().Parts.Select(p => p.Text)));
    }

    [Fact]
    public async Task Events_are_read_in_order_in_batches_after_any_sequence()
    {
        ITaskStore store = await NewStoreAsync();
        var manager = new TaskManager(store);
        AgentTask task = await manager.CreateTaskAsync();
        for (int i = 0; i < 9; i++)
        {
            await manager.UpdateStatusAsync(task.Id, TaskState.Working, metadata: new Dictionary<string, System.Text.Json.JsonElement> { ["i"] = A2AJson.Deserialize<System.Text.Json.JsonElement>(i.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
        }

        Assert.Equal([4L, 5L, 6L], (await store.ReadEventsAsync(task.Id, 3, 3)).Select(e => e.Sequence));
        Assert.Equal([9L, 10L], (await store.ReadEventsAsync(task.Id, 8, 100)).Select(e => e.Sequence));
        Assert.Empty(await store.ReadEventsAsync(task.Id, 10, 100));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.ReadEventsAsync(task.Id, 0, 0));
    }

    [Fact]
    public async Task A_subscription_resumes_after_a_sequence_and_follows_live_events_to_the_end()
    {
        ITaskStore store = await NewStoreAsync();
        var manager = new TaskManager(store);
        AgentTask task = await manager.CreateTaskAsync();
        await manager.UpdateStatusAsync(task.Id, TaskState.Working);
        await manager.AddArtifactAsync(task.Id, new Artifact { ArtifactId = "a", Parts = [Part.FromText("x")] });

        var seen = new List<long>();
        using var timeout = new CancellationTokenSource(Hang);
        Task reading = Task.Run(async () =>
        {
            await foreach (TaskEventRecord record in manager.SubscribeAsync(task.Id, new TaskSubscriptionOptions { AfterSequence = 2 }, timeout.Token))
            {
                lock (seen)
                {
                    seen.Add(record.Sequence);
                }
            }
        });

        await WaitUntilAsync(() => { lock (seen) { return seen.Count == 1; } });
        await manager.UpdateStatusAsync(task.Id, TaskState.Working);
        await manager.UpdateStatusAsync(task.Id, TaskState.Completed);
        await reading.WaitAsync(Hang);

        Assert.Equal([3L, 4L, 5L], seen);
    }

    [Fact]
    public async Task A_waiter_wakes_on_the_next_write()
    {
        ITaskStore store = await NewStoreAsync();
        StoredTask v1 = await store.CreateAsync(NewTask("t1"));
        await store.WaitForEventsAsync("t1", 0).AsTask().WaitAsync(Hang); // already has event 1

        Task waiting = store.WaitForEventsAsync("t1", 1).AsTask();
        AgentTask working = NewTask("t1", TaskState.Working);
        await store.UpdateAsync(working, v1.Version, Status(working));
        await waiting.WaitAsync(Hang);
    }

    [Fact]
    public async Task List_is_newest_status_first_and_pages_by_token_without_gaps_or_repeats()
    {
        ITaskStore store = await NewStoreAsync();
        DateTimeOffset start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < 25; i++)
        {
            await store.CreateAsync(NewTask($"t{i:D2}", context: i % 2 == 0 ? "even" : "odd", at: start.AddSeconds(i / 2))); // pairs share a timestamp
        }

        var ids = new List<string>();
        string? token = null;
        int pages = 0;
        do
        {
            TaskPage page = await store.ListAsync(new TaskQuery { PageSize = 10, PageToken = token });
            Assert.Equal(25, page.TotalSize);
            ids.AddRange(page.Tasks.Select(t => t.Id));
            token = page.NextPageToken;
            pages++;
        }
        while (!string.IsNullOrEmpty(token));

        string[] expected = Enumerable.Range(0, 25)
            .Select(i => (Id: $"t{i:D2}", Ticks: start.AddSeconds(i / 2).UtcTicks))
            .OrderByDescending(t => t.Ticks).ThenBy(t => t.Id, StringComparer.Ordinal)
            .Select(t => t.Id).ToArray();
        Assert.Equal(3, pages);
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task List_filters_by_context_state_active_and_status_time_and_counts_the_matches()
    {
        ITaskStore store = await NewStoreAsync();
        DateTimeOffset start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < 12; i++)
        {
            TaskState state = (i % 3) switch { 0 => TaskState.Working, 1 => TaskState.Completed, _ => TaskState.InputRequired };
            await store.CreateAsync(NewTask($"t{i:D2}", state, i < 6 ? "a" : "b", start.AddMinutes(i)));
        }

        TaskPage inA = await store.ListAsync(new TaskQuery { ContextId = "a" });
        TaskPage completed = await store.ListAsync(new TaskQuery { State = TaskState.Completed });
        TaskPage active = await store.ListAsync(new TaskQuery { ActiveOnly = true, ContextId = "b" });
        TaskPage recent = await store.ListAsync(new TaskQuery { StatusTimestampAfter = start.AddMinutes(8) });
        TaskPage none = await store.ListAsync(new TaskQuery { ContextId = "nobody" });

        Assert.Equal(("t05 t04 t03 t02 t01 t00", 6), (Ids(inA), inA.TotalSize));
        Assert.Equal(("t10 t07 t04 t01", 4), (Ids(completed), completed.TotalSize));
        Assert.Equal(("t11 t09 t08 t06", 4), (Ids(active), active.TotalSize));
        Assert.Equal(("t11 t10 t09", 3), (Ids(recent), recent.TotalSize));
        Assert.Equal((0, "", 0), (none.TotalSize, none.NextPageToken, none.Tasks.Count));
    }

    [Fact]
    public async Task A_task_keeps_its_owner_through_every_write_and_lists_filter_by_owner()
    {
        ITaskStore store = await NewStoreAsync();
        DateTimeOffset start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        StoredTask alice = await store.CreateAsync(NewTask("a1", at: start), "alice");
        await store.CreateAsync(NewTask("b1", at: start.AddMinutes(1)), "bob");
        await store.CreateAsync(NewTask("n1", at: start.AddMinutes(2)));
        await store.CreateAsync(NewTask("a2", TaskState.Completed, at: start.AddMinutes(3)), "alice");
        AgentTask working = NewTask("a1", TaskState.Working, at: start.AddMinutes(4));
        StoredTask updated = await store.UpdateAsync(working, alice.Version, Status(working));

        Assert.Equal(("alice", "alice", "alice", "bob", ""), (alice.Owner, updated.Owner, (await store.GetAsync("a1"))!.Owner, (await store.GetAsync("b1"))!.Owner, (await store.GetAsync("n1"))!.Owner));
        TaskPage alices = await store.ListAsync(new TaskQuery { Owner = "alice" });
        TaskPage alicesActive = await store.ListAsync(new TaskQuery { Owner = "alice", ActiveOnly = true });
        TaskPage nobodys = await store.ListAsync(new TaskQuery { Owner = "" });
        TaskPage everyones = await store.ListAsync(new TaskQuery());
        Assert.Equal(("a1 a2", 2), (Ids(alices), alices.TotalSize));
        Assert.Equal(("a1", 1), (Ids(alicesActive), alicesActive.TotalSize));
        Assert.Equal(("n1", 1), (Ids(nobodys), nobodys.TotalSize));
        Assert.Equal(4, everyones.TotalSize);

        TaskPage first = await store.ListAsync(new TaskQuery { Owner = "alice", PageSize = 1 });
        TaskPage second = await store.ListAsync(new TaskQuery { Owner = "alice", PageSize = 1, PageToken = first.NextPageToken });
        Assert.Equal(("a1", "a2", ""), (Ids(first), Ids(second), second.NextPageToken));
    }

    [Fact]
    public async Task A_task_moves_in_the_list_when_its_status_changes()
    {
        ITaskStore store = await NewStoreAsync();
        DateTimeOffset start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        StoredTask old = await store.CreateAsync(NewTask("old", at: start));
        await store.CreateAsync(NewTask("new", at: start.AddMinutes(1)));

        AgentTask moved = NewTask("old", TaskState.Working, at: start.AddMinutes(2));
        await store.UpdateAsync(moved, old.Version, Status(moved));

        Assert.Equal(["old", "new"], (await store.ListAsync(new TaskQuery())).Tasks.Select(t => t.Id));
        Assert.Equal(["old"], (await store.ListAsync(new TaskQuery { State = TaskState.Working })).Tasks.Select(t => t.Id));
    }

    [Fact]
    public async Task Bad_list_queries_are_invalid_params()
    {
        ITaskStore store = await NewStoreAsync();
        await Assert.ThrowsAsync<InvalidParamsException>(async () => await store.ListAsync(new TaskQuery { PageToken = "not a token" }));
        await Assert.ThrowsAsync<InvalidParamsException>(async () => await store.ListAsync(new TaskQuery { PageSize = 0 }));
        await Assert.ThrowsAsync<InvalidParamsException>(async () => await store.ListAsync(new TaskQuery { PageSize = TaskQuery.MaxPageSize + 1 }));
    }

    [Fact]
    public async Task Finished_tasks_expire_after_their_time_to_live_and_active_ones_stay()
    {
        var clock = new ManualClock();
        ITaskStore store = await NewStoreAsync(new TaskRetentionOptions { FinishedTaskTimeToLive = TimeSpan.FromMinutes(10) }, clock);
        var manager = new TaskManager(store, timeProvider: clock);
        AgentTask done = await manager.CreateTaskAsync();
        await manager.UpdateStatusAsync(done.Id, TaskState.Completed);
        AgentTask active = await manager.CreateTaskAsync();

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.NotNull(await store.GetAsync(done.Id));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await store.GetAsync(done.Id));
        await Assert.ThrowsAsync<TaskNotFoundException>(async () => await store.ReadEventsAsync(done.Id, 0, 10));
        Assert.Equal([active.Id], (await store.ListAsync(new TaskQuery())).Tasks.Select(t => t.Id));

        clock.Advance(TimeSpan.FromDays(30));
        Assert.NotNull(await store.GetAsync(active.Id));
    }

    [Fact]
    public async Task Beyond_the_maximum_the_tasks_that_finished_first_are_removed()
    {
        var clock = new ManualClock();
        ITaskStore store = await NewStoreAsync(new TaskRetentionOptions { MaxFinishedTasks = 3 }, clock);
        var manager = new TaskManager(store, timeProvider: clock);
        var finished = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            AgentTask task = await manager.CreateTaskAsync();
            clock.Advance(TimeSpan.FromSeconds(1));
            await manager.UpdateStatusAsync(task.Id, i % 2 == 0 ? TaskState.Completed : TaskState.Failed);
            finished.Add(task.Id);
        }

        AgentTask active = await manager.CreateTaskAsync();
        string[] left = (await store.ListAsync(new TaskQuery())).Tasks.Select(t => t.Id).ToArray();
        Assert.Equal(new[] { active.Id }.Concat(finished.Skip(2)).Order(), left.Order());
    }

    [Fact]
    public async Task A_compacted_finished_task_keeps_its_final_snapshot_as_its_log()
    {
        ITaskStore store = await NewStoreAsync(new TaskRetentionOptions { CompactFinishedTasks = true });
        var manager = new TaskManager(store);
        AgentTask task = await manager.CreateTaskAsync(UserMessage("go"));
        TaskUpdater updater = manager.CreateUpdater(task);
        await updater.StartWorkAsync();
        await updater.AddArtifactAsync([Part.FromText("result")], "a1", lastChunk: true);
        AgentTask done = await updater.CompleteAsync();

        TaskEventRecord only = Assert.Single(await store.ReadEventsAsync(task.Id, 0, 100));
        Assert.Equal((done.Status.State, 4L), (only.Event.Task!.Status.State, only.Sequence));
        Assert.Equal(Json((await store.GetAsync(task.Id))!.Task), Json(await ReplayAsync(store, task.Id)));
    }

    [Fact]
    public async Task Delete_removes_the_task_and_its_log_and_wakes_its_waiters()
    {
        ITaskStore store = await NewStoreAsync();
        await store.CreateAsync(NewTask("t1"));
        await store.CreateAsync(NewTask("t2"));
        Task waiting = store.WaitForEventsAsync("t1", 1).AsTask();

        Assert.True(await store.DeleteAsync("t1"));

        // The waiter ends: it returns (and its next read finds the task gone) or says so itself.
        try
        {
            await waiting.WaitAsync(Hang);
        }
        catch (TaskNotFoundException)
        {
        }

        Assert.Null(await store.GetAsync("t1"));
        await Assert.ThrowsAsync<TaskNotFoundException>(async () => await store.ReadEventsAsync("t1", 0, 10));
        Assert.Equal(["t2"], (await store.ListAsync(new TaskQuery())).Tasks.Select(t => t.Id));
        Assert.False(await store.DeleteAsync("t1"));
        await store.CreateAsync(NewTask("t1")); // the id is free again
    }

    [Fact]
    public async Task Large_tasks_round_trip_intact()
    {
        ITaskStore store = await NewStoreAsync();
        string big = new('x', 2_000_000);
        AgentTask task = NewTask("big") with { Artifacts = [new Artifact { ArtifactId = "a", Parts = [Part.FromText(big), Part.FromText("ünïcödé ✓ 𝄞")] }] };
        await store.CreateAsync(task);
        Assert.Equal(Json(task), Json((await store.GetAsync("big"))!.Task));
    }

    [Fact]
    public async Task Long_task_ids_round_trip_and_wake_their_waiters()
    {
        ITaskStore store = await NewStoreAsync();
        string id = string.Concat(Enumerable.Range(0, 40).Select(_ => Guid.NewGuid().ToString("N"))); // 1,280 characters
        await store.CreateAsync(NewTask(id));
        Task waiting = store.WaitForEventsAsync(id, 1).AsTask();

        AgentTask working = NewTask(id, TaskState.Working);
        await store.UpdateAsync(working, 1, Status(working));

        await waiting.WaitAsync(Hang);
        Assert.Equal([1L, 2L], (await store.ReadEventsAsync(id, 0, 10)).Select(e => e.Sequence));
        Assert.Equal(id, Assert.Single((await store.ListAsync(new TaskQuery())).Tasks).Id);
    }

    /// <summary>A store made by <see cref="CreateStoreAsync"/>, disposed when the test ends.</summary>
    protected async Task<ITaskStore> NewStoreAsync(TaskRetentionOptions? retention = null, TimeProvider? clock = null) =>
        Owned(await CreateStoreAsync(retention ?? new TaskRetentionOptions(), clock ?? TimeProvider.System));

    /// <summary>A task in <paramref name="state"/>, its status stamped <paramref name="at"/> (now when null).</summary>
    protected static AgentTask NewTask(string id, TaskState state = TaskState.Submitted, string context = "c1", DateTimeOffset? at = null) =>
        new() { Id = id, ContextId = context, Status = new AgentTaskStatus { State = state, Timestamp = at ?? DateTimeOffset.UtcNow } };

    /// <summary>A user text message.</summary>
    protected static Message UserMessage(string text, string? taskId = null, string? contextId = null) =>
        new() { MessageId = Guid.NewGuid().ToString(), Role = Role.User, Parts = [Part.FromText(text)], TaskId = taskId, ContextId = contextId };

    /// <summary>The task's wire JSON, for comparing tasks by content.</summary>
    protected static string Json(AgentTask task) => A2AJson.Serialize(task);

    private static string Ids(TaskPage page) => string.Join(' ', page.Tasks.Select(t => t.Id));

    private static StreamResponse Status(AgentTask task) =>
        StreamResponse.From(new TaskStatusUpdateEvent { TaskId = task.Id, ContextId = task.ContextId ?? "", Status = task.Status });

    // Folds the whole log the way a client folds a stream.
    private static async Task<AgentTask> ReplayAsync(ITaskStore store, string taskId)
    {
        var folded = new ClientTaskManager();
        foreach (TaskEventRecord record in await store.ReadEventsAsync(taskId, 0, 10_000))
        {
            folded.SaveTaskEvent(record.Event);
        }

        return folded.GetTaskOrThrow();
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        DateTime deadline = DateTime.UtcNow + Hang;
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition was not reached.");
            await Task.Delay(10);
        }
    }
}

/// <summary>A clock that moves only when told, for retention tests.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by) => _now += by;
}
