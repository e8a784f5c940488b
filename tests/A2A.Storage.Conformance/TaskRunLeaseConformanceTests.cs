using A2A.Errors;
using A2A.Protocol;

namespace A2A.Storage.Conformance;

/// <summary>
/// What every <see cref="ITaskRunLeases"/> must do, as tests: one owner at a time, re-entrant for the owner, free
/// again once released or expired, renewed by a heartbeat, and expired leases taken over by exactly one of several
/// racing owners. Derive a class in your test project and return your store from <see cref="CreateLeasesAsync"/>.
/// </summary>
/// <remarks>
/// Expiry is tested with zero-length leases, which are expired as soon as they are written: no test waits for a clock.
/// </remarks>
public abstract class TaskRunLeaseConformanceTests : StoreSuite
{
    private static readonly TimeSpan Long = TimeSpan.FromHours(1);

    /// <summary>A new, empty store; each call returns one that shares nothing with the ones returned before.</summary>
    protected abstract ValueTask<ITaskRunLeases> CreateLeasesAsync();

    [Fact]
    public async Task A_running_lease_has_one_owner_who_may_acquire_it_again()
    {
        ITaskRunLeases leases = await NewAsync();
        Assert.True(await leases.TryAcquireLeaseAsync("t1", "a", Long)); // the task need not be stored
        Assert.False(await leases.TryAcquireLeaseAsync("t1", "b", Long));
        Assert.True(await leases.TryAcquireLeaseAsync("t1", "a", Long));
        Assert.True(await leases.TryAcquireLeaseAsync("t2", "b", Long));
    }

    [Fact]
    public async Task A_released_lease_is_free_and_only_its_owner_releases_it()
    {
        ITaskRunLeases leases = await NewAsync();
        await leases.TryAcquireLeaseAsync("t1", "a", Long);

        await leases.ReleaseLeaseAsync("t1", "b");
        Assert.False(await leases.TryAcquireLeaseAsync("t1", "b", Long));

        await leases.ReleaseLeaseAsync("t1", "a");
        Assert.True(await leases.TryAcquireLeaseAsync("t1", "b", Long));
        await leases.ReleaseLeaseAsync("unknown", "a"); // nothing to release is not an error
    }

    [Fact]
    public async Task An_expired_lease_goes_to_the_next_owner()
    {
        ITaskRunLeases leases = await NewAsync();
        await leases.TryAcquireLeaseAsync("t1", "dead", TimeSpan.Zero);
        Assert.True(await leases.TryAcquireLeaseAsync("t1", "b", Long));
        Assert.False(await leases.TryAcquireLeaseAsync("t1", "dead", Long));
    }

    [Fact]
    public async Task Renewing_keeps_every_lease_of_the_owner_and_no_other()
    {
        ITaskRunLeases leases = await NewAsync();
        foreach (string id in new[] { "a1", "a2", "a3" })
        {
            await leases.TryAcquireLeaseAsync(id, "alive", TimeSpan.Zero);
        }

        await leases.TryAcquireLeaseAsync("d1", "dead", TimeSpan.Zero);
        await leases.RenewLeasesAsync("alive", Long);

        Assert.Equal(["d1"], await leases.TakeExpiredLeasesAsync("survivor", Long, 100));
        Assert.False(await leases.TryAcquireLeaseAsync("a2", "survivor", Long));
    }

    [Fact]
    public async Task Racing_survivors_take_each_expired_lease_exactly_once()
    {
        ITaskRunLeases leases = await NewAsync();
        string[] expired = Enumerable.Range(0, 40).Select(i => $"t{i}").ToArray();
        foreach (string id in expired)
        {
            await leases.TryAcquireLeaseAsync(id, "dead", TimeSpan.Zero);
        }

        await leases.TryAcquireLeaseAsync("running", "alive", Long);

        IReadOnlyList<string>[] taken = await Task.WhenAll(Enumerable.Range(0, 8).Select(n => Task.Run(async () =>
        {
            var mine = new List<string>();
            while (await leases.TakeExpiredLeasesAsync($"survivor-{n}", Long, 3) is { Count: > 0 } batch)
            {
                Assert.True(batch.Count <= 3, "more leases than asked for");
                mine.AddRange(batch);
            }

            return (IReadOnlyList<string>)mine;
        })));

        string[] all = taken.SelectMany(t => t).ToArray();
        Assert.Equal(expired.Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
        Assert.Empty(await leases.TakeExpiredLeasesAsync("late", Long, 100));
    }

    [Fact]
    public async Task A_taken_lease_belongs_to_its_new_owner()
    {
        ITaskRunLeases leases = await NewAsync();
        await leases.TryAcquireLeaseAsync("t1", "dead", TimeSpan.Zero);
        Assert.Equal(["t1"], await leases.TakeExpiredLeasesAsync("survivor", Long, 10));

        Assert.False(await leases.TryAcquireLeaseAsync("t1", "dead", Long));
        await leases.ReleaseLeaseAsync("t1", "survivor");
        Assert.True(await leases.TryAcquireLeaseAsync("t1", "other", Long));
    }

    [Fact]
    public async Task A_task_created_with_its_lease_is_held_from_the_same_write()
    {
        ITaskRunLeases leases = await NewAsync();
        ITaskStore store = Assert.IsAssignableFrom<ITaskStore>(leases);
        StoredTask created = await leases.CreateLeasedAsync(NewTask("t1", TaskState.Submitted), "alice", null, "a", Long);

        Assert.Equal((1L, "alice"), (created.Version, created.Owner));
        Assert.Equal(created.Version, (await store.GetAsync("t1"))!.Version);
        Assert.False(await leases.TryAcquireLeaseAsync("t1", "b", Long));
        Assert.True(await leases.TryAcquireLeaseAsync("t1", "a", Long));

        // An id that exists is refused, and its lease stays with its runner.
        await Assert.ThrowsAsync<TaskAlreadyExistsException>(async () => await leases.CreateLeasedAsync(NewTask("t1", TaskState.Submitted), "bob", null, "b", Long));
        Assert.False(await leases.TryAcquireLeaseAsync("t1", "b", Long));
    }

    [Fact]
    public async Task The_write_that_finishes_a_task_ends_its_lease_and_no_other_write_does()
    {
        ITaskRunLeases leases = await NewAsync();
        ITaskStore store = Assert.IsAssignableFrom<ITaskStore>(leases);
        StoredTask v1 = await leases.CreateLeasedAsync(NewTask("t1", TaskState.Submitted), null, null, "a", Long);

        StoredTask v2 = await store.UpdateAsync(NewTask("t1", TaskState.InputRequired), v1.Version, Status("t1", TaskState.InputRequired));
        Assert.False(await leases.TryAcquireLeaseAsync("t1", "b", Long));

        await store.UpdateAsync(NewTask("t1", TaskState.Completed), v2.Version, Status("t1", TaskState.Completed));
        Assert.True(await leases.TryAcquireLeaseAsync("t1", "b", Long));
    }

    [Fact]
    public async Task A_task_created_with_its_first_change_is_leased_unless_the_change_finishes_it()
    {
        ITaskRunLeases leases = await NewAsync();
        StoredTask working = await leases.CreateLeasedAsync(NewTask("t1", TaskState.Submitted), null, new TaskChange(Status("t1", TaskState.Working), NewTask("t1", TaskState.Working)), "a", Long);
        StoredTask done = await leases.CreateLeasedAsync(NewTask("t2", TaskState.Submitted), null, new TaskChange(Status("t2", TaskState.Completed), NewTask("t2", TaskState.Completed)), "a", Long);

        Assert.Equal((2L, TaskState.Working, 2L, TaskState.Completed), (working.Version, working.Task.Status.State, done.Version, done.Task.Status.State));
        Assert.False(await leases.TryAcquireLeaseAsync("t1", "b", Long));
        Assert.True(await leases.TryAcquireLeaseAsync("t2", "b", Long));
    }

    [Fact]
    public async Task A_follow_ups_write_takes_the_lease_or_is_refused_whole_while_another_runs_the_task()
    {
        ITaskRunLeases leases = await NewAsync();
        ITaskStore store = Assert.IsAssignableFrom<ITaskStore>(leases);
        StoredTask waiting = await leases.CreateLeasedAsync(NewTask("t1", TaskState.Submitted), null, new TaskChange(Status("t1", TaskState.InputRequired), NewTask("t1", TaskState.InputRequired)), "a", Long);

        // "a" still runs the task: "b"'s follow-up writes nothing.
        AgentTask working = NewTask("t1", TaskState.Working);
        await Assert.ThrowsAsync<TaskRunningElsewhereException>(async () => await leases.UpdateLeasedAsync(working, waiting.Version, Status("t1", TaskState.Working), "b", Long));
        Assert.Equal((waiting.Version, TaskState.InputRequired), ((await store.GetAsync("t1"))!.Version, (await store.GetAsync("t1"))!.Task.Status.State));
        Assert.Equal(2, (await store.ReadEventsAsync("t1", 0, 10)).Count);

        // Once "a" lets go, "b"'s follow-up is written and holds the lease; its owner may write again.
        await leases.ReleaseLeaseAsync("t1", "a");
        StoredTask followed = await leases.UpdateLeasedAsync(working, waiting.Version, Status("t1", TaskState.Working), "b", Long);
        Assert.Equal(waiting.Version + 1, followed.Version);
        Assert.False(await leases.TryAcquireLeaseAsync("t1", "a", Long));
        StoredTask again = await leases.UpdateLeasedAsync(working, followed.Version, Status("t1", TaskState.Working), "b", Long);

        // A follow-up that finishes the task ends the lease; an expired one is taken over.
        await leases.UpdateLeasedAsync(NewTask("t1", TaskState.Completed), again.Version, Status("t1", TaskState.Completed), "b", Long);
        Assert.True(await leases.TryAcquireLeaseAsync("t1", "c", Long));
        await leases.CreateLeasedAsync(NewTask("t2", TaskState.Submitted), null, new TaskChange(Status("t2", TaskState.InputRequired), NewTask("t2", TaskState.InputRequired)), "dead", TimeSpan.Zero);
        Assert.Equal(2, (await leases.UpdateLeasedAsync(NewTask("t2", TaskState.InputRequired), 2, Status("t2", TaskState.InputRequired), "b", Long)).Version - 1);
        Assert.False(await leases.TryAcquireLeaseAsync("t2", "dead", Long));
    }

    [Fact]
    public async Task Of_eight_racing_follow_ups_exactly_one_is_written_and_holds_the_lease()
    {
        ITaskRunLeases leases = await NewAsync();
        ITaskStore store = Assert.IsAssignableFrom<ITaskStore>(leases);
        StoredTask waiting = await leases.CreateLeasedAsync(NewTask("t1", TaskState.Submitted), null, new TaskChange(Status("t1", TaskState.InputRequired), NewTask("t1", TaskState.InputRequired)), "first", Long);
        await leases.ReleaseLeaseAsync("t1", "first");

        // Each instance appends its follow-up on the version it read; the others' writes are refused whole.
        Task<StoredTask>[] racing = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            await leases.UpdateLeasedAsync(NewTask("t1", TaskState.Working), waiting.Version, Status("t1", TaskState.Working), $"instance {i}", Long))).ToArray();
        try
        {
            await Task.WhenAll(racing);
        }
        catch (A2AException)
        {
            // the losers, looked at below
        }

        Task<StoredTask> winner = Assert.Single(racing, t => t.IsCompletedSuccessfully);
        Assert.All(racing.Where(t => t != winner), t => Assert.True(t.Exception!.InnerException is TaskVersionConflictException or TaskRunningElsewhereException));
        Assert.Equal(waiting.Version + 1, (await store.GetAsync("t1"))!.Version);
        Assert.Equal(3, (await store.ReadEventsAsync("t1", 0, 10)).Count);
        string owner = $"instance {Array.IndexOf(racing, winner)}";
        foreach (string other in Enumerable.Range(0, 8).Select(i => $"instance {i}").Where(o => o != owner))
        {
            Assert.False(await leases.TryAcquireLeaseAsync("t1", other, Long));
        }

        Assert.True(await leases.TryAcquireLeaseAsync("t1", owner, Long));
    }

    private static AgentTask NewTask(string id, TaskState state) =>
        new() { Id = id, ContextId = "c1", Status = new AgentTaskStatus { State = state, Timestamp = DateTimeOffset.UnixEpoch } };

    private static StreamResponse Status(string id, TaskState state) =>
        StreamResponse.From(new TaskStatusUpdateEvent { TaskId = id, ContextId = "c1", Status = new AgentTaskStatus { State = state } });

    private async Task<ITaskRunLeases> NewAsync() => Owned(await CreateLeasesAsync());
}
