using A2A.Errors;
using A2A.Protocol;
using A2A.Push;

namespace A2A.Storage.Conformance;

/// <summary>
/// What every <see cref="IPushNotificationStore"/> must do, as tests: configurations saved, replaced, listed in order,
/// deleted and capped per task, gone with their task; delivery progress that only moves forward; and delivery claims
/// held by one owner at a time, found again when they expire. Derive a class in your test project and return your
/// store (an <see cref="ITaskStore"/> that keeps push configurations) from <see cref="CreateStoreAsync"/>.
/// </summary>
/// <remarks>Expiry is tested with zero-length claims, which are expired as soon as they are written: no test waits for a clock.</remarks>
public abstract class PushNotificationStoreConformanceTests : StoreSuite
{
    private static readonly TimeSpan Long = TimeSpan.FromHours(1);

    /// <summary>A new, empty store with <paramref name="retention"/>; each call returns one that shares nothing with the ones before.</summary>
    protected abstract ValueTask<ITaskStore> CreateStoreAsync(TaskRetentionOptions retention);

    [Fact]
    public async Task A_configuration_keeps_the_protocol_version_its_notifications_go_out_in()
    {
        (ITaskStore tasks, IPushNotificationStore push) = await NewAsync();
        await tasks.CreateAsync(NewTask("t1"));

        await push.SavePushConfigAsync(Config("t1", "v1"), 0, 10);
        await push.SavePushConfigAsync(Config("t1", "legacy"), 0, 10, "0.3");
        Assert.Equal(["1.0", "0.3"], (await push.ListPushConfigsAsync("t1")).Select(c => c.ProtocolVersion));

        await push.SavePushConfigAsync(Config("t1", "legacy"), 0, 10, "1.0"); // a replacement says again
        Assert.Equal(["1.0", "1.0"], (await push.ListPushConfigsAsync("t1")).Select(c => c.ProtocolVersion));
    }

    [Fact]
    public async Task A_configuration_is_saved_replaced_by_id_listed_in_order_and_deleted()
    {
        (ITaskStore tasks, IPushNotificationStore push) = await NewAsync();
        await tasks.CreateAsync(NewTask("t1"));

        await push.SavePushConfigAsync(Config("t1", "a", "https://a.example/hook", "secret-a"), 0, 10);
        await push.SavePushConfigAsync(Config("t1", "b", "https://b.example/hook"), 1, 10);
        await push.SavePushConfigAsync(Config("t1", "a", "https://a2.example/hook", "secret-a2"), 5, 10); // replaces, keeps progress

        IReadOnlyList<StoredPushConfig> listed = await push.ListPushConfigsAsync("t1");
        Assert.Equal(["a", "b"], listed.Select(c => c.Config.Id));
        Assert.Equal(("https://a2.example/hook", "secret-a2", 0L), (listed[0].Config.Url, listed[0].Config.Authentication!.Credentials, listed[0].DeliveredSequence));
        Assert.Equal(1L, listed[1].DeliveredSequence);

        Assert.True(await push.DeletePushConfigAsync("t1", "a"));
        Assert.False(await push.DeletePushConfigAsync("t1", "a"));
        Assert.Equal(["b"], (await push.ListPushConfigsAsync("t1")).Select(c => c.Config.Id));
        Assert.Empty(await push.ListPushConfigsAsync("unknown"));
    }

    [Fact]
    public async Task A_configuration_for_an_unknown_task_or_beyond_the_cap_is_refused()
    {
        (ITaskStore tasks, IPushNotificationStore push) = await NewAsync();
        await Assert.ThrowsAsync<TaskNotFoundException>(() => push.SavePushConfigAsync(Config("nope", "a"), 0, 10).AsTask());

        await tasks.CreateAsync(NewTask("t1"));
        await push.SavePushConfigAsync(Config("t1", "a"), 0, 2);
        await push.SavePushConfigAsync(Config("t1", "b"), 0, 2);
        PushConfigLimitExceededException refused = await Assert.ThrowsAsync<PushConfigLimitExceededException>(() => push.SavePushConfigAsync(Config("t1", "c"), 0, 2).AsTask());
        Assert.Equal(2, refused.Limit);
        await push.SavePushConfigAsync(Config("t1", "b", "https://new.example/"), 0, 2); // replacing one is allowed
        Assert.Equal(2, (await push.ListPushConfigsAsync("t1")).Count);
    }

    [Fact]
    public async Task Progress_only_moves_forward()
    {
        (ITaskStore tasks, IPushNotificationStore push) = await NewAsync();
        await tasks.CreateAsync(NewTask("t1"));
        await push.SavePushConfigAsync(Config("t1", "a"), 0, 10);

        await push.AdvancePushConfigAsync("t1", "a", 3);
        await push.AdvancePushConfigAsync("t1", "a", 2);
        await push.AdvancePushConfigAsync("t1", "gone", 9); // a deleted configuration: nothing to record
        Assert.Equal(3, Assert.Single(await push.ListPushConfigsAsync("t1")).DeliveredSequence);
    }

    [Fact]
    public async Task Configurations_go_with_their_task()
    {
        (ITaskStore tasks, IPushNotificationStore push) = await NewAsync();
        await tasks.CreateAsync(NewTask("t1"));
        await push.SavePushConfigAsync(Config("t1", "a"), 0, 10);
        Assert.True(await tasks.DeleteAsync("t1"));
        Assert.Empty(await push.ListPushConfigsAsync("t1"));

        // Created again under the same id, the task starts with none.
        await tasks.CreateAsync(NewTask("t1"));
        Assert.Empty(await push.ListPushConfigsAsync("t1"));
    }

    [Fact]
    public async Task Configurations_go_when_retention_removes_their_task()
    {
        (ITaskStore tasks, IPushNotificationStore push) = await NewAsync(new TaskRetentionOptions { MaxFinishedTasks = 0 });
        StoredTask created = await tasks.CreateAsync(NewTask("t1"));
        await push.SavePushConfigAsync(Config("t1", "a"), 0, 10);
        AgentTask done = created.Task with { Status = new AgentTaskStatus { State = TaskState.Completed, Timestamp = DateTimeOffset.UtcNow } };
        await tasks.UpdateAsync(done, 1, StreamResponse.From(new TaskStatusUpdateEvent { TaskId = "t1", ContextId = "c1", Status = done.Status }));

        Assert.Null(await tasks.GetAsync("t1")); // expired (the read sweeps)
        Assert.Empty(await push.ListPushConfigsAsync("t1"));
    }

    [Fact]
    public async Task A_claim_has_one_owner_until_released_or_expired()
    {
        (ITaskStore tasks, IPushNotificationStore push) = await NewAsync();
        await tasks.CreateAsync(NewTask("t1"));
        Assert.True(await push.TryClaimPushDeliveryAsync("t1", "a", Long));
        Assert.False(await push.TryClaimPushDeliveryAsync("t1", "b", Long));
        Assert.True(await push.TryClaimPushDeliveryAsync("t1", "a", Long)); // renewal

        await push.ReleasePushDeliveryAsync("t1", "b"); // not b's: nothing happens
        Assert.False(await push.TryClaimPushDeliveryAsync("t1", "b", Long));
        await push.ReleasePushDeliveryAsync("t1", "a");
        Assert.True(await push.TryClaimPushDeliveryAsync("t1", "b", TimeSpan.Zero));
        Assert.True(await push.TryClaimPushDeliveryAsync("t1", "a", Long)); // b's claim expired
    }

    [Fact]
    public async Task Claiming_finds_the_tasks_with_work_that_nobody_else_holds()
    {
        (ITaskStore tasks, IPushNotificationStore push) = await NewAsync();
        await tasks.CreateAsync(NewTask("behind")); // running, an event not yet delivered
        await tasks.CreateAsync(NewTask("idle")); // running, everything delivered: nothing to do until it changes
        await tasks.CreateAsync(NewTask("held"));
        await tasks.CreateAsync(NewTask("bare")); // no configuration
        await tasks.CreateAsync(NewTask("told", TaskState.Completed)); // finished, delivered
        await tasks.CreateAsync(NewTask("owed", TaskState.Completed)); // finished, not yet delivered
        await push.SavePushConfigAsync(Config("behind", "a"), 0, 10);
        await push.SavePushConfigAsync(Config("idle", "a"), 1, 10);
        await push.SavePushConfigAsync(Config("held", "a"), 0, 10);
        await push.SavePushConfigAsync(Config("told", "a"), 1, 10);
        await push.SavePushConfigAsync(Config("owed", "a"), 0, 10);
        await push.TryClaimPushDeliveryAsync("held", "other", Long);

        Assert.Single(await push.ClaimPushDeliveriesAsync("probe", TimeSpan.Zero, 1)); // at most maxCount (claims that expire at once)
        IReadOnlyList<string> claimed = await push.ClaimPushDeliveriesAsync("me", Long, 10);
        Assert.Equal(["behind", "owed"], claimed.Order());
        Assert.False(await push.TryClaimPushDeliveryAsync("behind", "other", Long));
        Assert.Empty(await push.ClaimPushDeliveriesAsync("third", Long, 10));

        // An expired claim is found again.
        await push.TryClaimPushDeliveryAsync("held", "other", TimeSpan.Zero);
        Assert.Equal(["held"], await push.ClaimPushDeliveriesAsync("third", Long, 10));
    }

    [Fact]
    public async Task Racing_owners_never_claim_the_same_task()
    {
        (ITaskStore tasks, IPushNotificationStore push) = await NewAsync();
        for (int i = 0; i < 20; i++)
        {
            await tasks.CreateAsync(NewTask($"t{i}"));
            await push.SavePushConfigAsync(Config($"t{i}", "a"), 0, 10);
        }

        IReadOnlyList<string>[] claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(o => Task.Run(async () => await push.ClaimPushDeliveriesAsync($"owner{o}", Long, 20))));
        string[] all = claims.SelectMany(c => c).ToArray();
        Assert.Equal(20, all.Length);
        Assert.Equal(20, all.Distinct().Count());
    }

    private async Task<(ITaskStore Tasks, IPushNotificationStore Push)> NewAsync(TaskRetentionOptions? retention = null)
    {
        ITaskStore store = Owned(await CreateStoreAsync(retention ?? new TaskRetentionOptions()));
        return (store, Assert.IsAssignableFrom<IPushNotificationStore>(store));
    }

    private static AgentTask NewTask(string id, TaskState state = TaskState.Submitted) =>
        new() { Id = id, ContextId = "c1", Status = new AgentTaskStatus { State = state, Timestamp = DateTimeOffset.UtcNow } };

    private static TaskPushNotificationConfig Config(string taskId, string id, string url = "https://hooks.example/a2a", string? credentials = null) => new()
    {
        TaskId = taskId,
        Id = id,
        Url = url,
        Authentication = credentials is null ? null : new AuthenticationInfo { Scheme = "Bearer", Credentials = credentials },
    };
}
