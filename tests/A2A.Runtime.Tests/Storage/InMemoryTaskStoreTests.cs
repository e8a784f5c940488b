using System.Text.Json;

namespace A2A.Runtime.Tests.Storage;

public class InMemoryTaskStoreTests
{
    private static AgentTask NewTask(string id, TaskState state = TaskState.Submitted, string context = "c1") =>
        new() { Id = id, ContextId = context, Status = new AgentTaskStatus { State = state, Timestamp = DateTimeOffset.UtcNow } };

    [Fact]
    public async Task Create_starts_at_version_one_with_the_snapshot_as_event_one()
    {
        var store = new InMemoryTaskStore();
        StoredTask created = await store.CreateAsync(NewTask("t1"));
        Assert.Equal(1, created.Version);

        IReadOnlyList<TaskEventRecord> log = await store.ReadEventsAsync("t1", 0, 10);
        TaskEventRecord only = Assert.Single(log);
        Assert.Equal(1, only.Sequence);
        Assert.Equal("t1", only.Event.Task!.Id);
    }

    [Fact]
    public async Task Duplicate_ids_are_refused()
    {
        var store = new InMemoryTaskStore();
        await store.CreateAsync(NewTask("t1"));
        var error = await Assert.ThrowsAsync<TaskAlreadyExistsException>(async () => await store.CreateAsync(NewTask("t1")));
        Assert.Equal(A2AErrorCodes.InvalidParams, error.Code);
    }

    [Fact]
    public async Task Update_is_compare_and_swap_on_the_version()
    {
        var store = new InMemoryTaskStore();
        StoredTask v1 = await store.CreateAsync(NewTask("t1"));
        AgentTask working = NewTask("t1", TaskState.Working);
        var change = StreamResponse.From(new TaskStatusUpdateEvent { TaskId = "t1", ContextId = "c1", Status = working.Status });

        StoredTask v2 = await store.UpdateAsync(working, v1.Version, change);
        Assert.Equal(2, v2.Version);

        var conflict = await Assert.ThrowsAsync<TaskVersionConflictException>(async () => await store.UpdateAsync(working, v1.Version, change));
        Assert.Equal(1, conflict.ExpectedVersion);
        Assert.Equal(2, conflict.ActualVersion);
        Assert.Equal(2, (await store.GetAsync("t1"))!.Version);
        Assert.Equal(2, (await store.ReadEventsAsync("t1", 0, 10)).Count); // the loser appended nothing
    }

    [Fact]
    public async Task Unknown_ids_are_TaskNotFound_and_Get_returns_null()
    {
        var store = new InMemoryTaskStore();
        Assert.Null(await store.GetAsync("nope"));
        await Assert.ThrowsAsync<TaskNotFoundException>(async () => await store.UpdateAsync(NewTask("nope"), 1, StreamResponse.From(NewTask("nope"))));
        await Assert.ThrowsAsync<TaskNotFoundException>(async () => await store.ReadEventsAsync("nope", 0, 1));
    }

    [Fact]
    public async Task Stored_tasks_do_not_alias_anything_the_caller_still_holds()
    {
        var store = new InMemoryTaskStore();
        var history = new List<Message> { TestModel.UserMessage("original") };
        byte[] bytes = [1, 2, 3];
        var metadata = new Dictionary<string, JsonElement> { ["k"] = JsonSerializer.SerializeToElement(1) };
        var parts = new List<Part> { Part.FromText("a"), new() { Raw = bytes } };
        AgentTask task = NewTask("t1") with { History = history, Metadata = metadata, Artifacts = [new Artifact { ArtifactId = "a1", Parts = parts }] };

        await store.CreateAsync(task);
        history.Add(TestModel.UserMessage("sneaked in"));
        metadata["k2"] = JsonSerializer.SerializeToElement(2);
        parts.Clear();
        bytes[0] = 99;

        AgentTask stored = (await store.GetAsync("t1"))!.Task;
        Assert.Single(stored.History);
        Assert.Single(stored.Metadata!);
        Assert.Equal(2, stored.Artifacts[0].Parts.Count);
        Assert.Equal(1, stored.Artifacts[0].Parts[1].Raw!.Value.Span[0]);

        // What is handed out cannot be cast back to something writable.
        Assert.IsNotType<List<Message>>(stored.History);
        Assert.False(stored.History is IList<Message> { IsReadOnly: false });
        Assert.False(stored.Metadata is IDictionary<string, JsonElement> { IsReadOnly: false });
    }

    [Fact]
    public async Task Snapshots_serialize_exactly_like_what_was_stored()
    {
        var store = new InMemoryTaskStore();
        var metadata = new Dictionary<string, JsonElement> { ["k"] = JsonSerializer.SerializeToElement(1) };
        AgentTask task = NewTask("t1") with
        {
            History = [TestModel.UserMessage("hi") with { MessageId = "m1" }],
            Artifacts = [new Artifact { ArtifactId = "a", Parts = [Part.FromText("x"), Part.FromRaw([7]), Part.FromUrl("http://x"), Part.FromData(JsonSerializer.SerializeToElement(new { n = 1 }))], Metadata = metadata }],
        };

        await store.CreateAsync(task);
        AgentTask stored = (await store.GetAsync("t1"))!.Task;
        Assert.Equal(A2A.Json.A2AJson.Serialize(task), A2A.Json.A2AJson.Serialize(stored));
        Assert.All(stored.Artifacts[0].Parts, part => Assert.Equal(1, part.ContentCount));
    }

    [Fact]
    public async Task List_filters_and_pages_newest_first()
    {
        var store = new InMemoryTaskStore();
        DateTimeOffset t0 = DateTimeOffset.Parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 7; i++)
        {
            AgentTask task = NewTask($"t{i}", i % 2 == 0 ? TaskState.Completed : TaskState.Working, i < 5 ? "a" : "b");
            await store.CreateAsync(task with { Status = task.Status with { Timestamp = t0.AddMinutes(i) } });
        }

        TaskPage first = await store.ListAsync(new TaskQuery { ContextId = "a", PageSize = 2 });
        Assert.Equal(["t4", "t3"], first.Tasks.Select(t => t.Id));
        Assert.Equal(5, first.TotalSize);
        TaskPage second = await store.ListAsync(new TaskQuery { ContextId = "a", PageSize = 2, PageToken = first.NextPageToken });
        Assert.Equal(["t2", "t1"], second.Tasks.Select(t => t.Id));
        TaskPage last = await store.ListAsync(new TaskQuery { ContextId = "a", PageSize = 2, PageToken = second.NextPageToken });
        Assert.Equal(["t0"], last.Tasks.Select(t => t.Id));
        Assert.Equal("", last.NextPageToken);

        Assert.Equal(["t5", "t3", "t1"], (await store.ListAsync(new TaskQuery { ActiveOnly = true })).Tasks.Select(t => t.Id));
        Assert.Equal(["t6", "t4"], (await store.ListAsync(new TaskQuery { State = TaskState.Completed, StatusTimestampAfter = t0.AddMinutes(3) })).Tasks.Select(t => t.Id));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(101, null)]
    [InlineData(10, "not-a-token")]
    [InlineData(10, "-5")]
    public async Task Bad_paging_input_is_InvalidParams(int pageSize, string? token)
    {
        var store = new InMemoryTaskStore();
        await Assert.ThrowsAsync<InvalidParamsException>(async () => await store.ListAsync(new TaskQuery { PageSize = pageSize, PageToken = token }));
    }

    [Fact]
    public async Task WaitForEvents_completes_when_a_later_event_is_written()
    {
        var store = new InMemoryTaskStore();
        StoredTask v1 = await store.CreateAsync(NewTask("t1"));
        Assert.True(store.WaitForEventsAsync("t1", 0).IsCompleted);

        Task waiting = store.WaitForEventsAsync("t1", 1).AsTask();
        Assert.False(waiting.IsCompleted);
        await store.UpdateAsync(NewTask("t1", TaskState.Working), v1.Version, StreamResponse.From(NewTask("t1", TaskState.Working)));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        using var cts = new CancellationTokenSource();
        Task canceled = store.WaitForEventsAsync("t1", 2, cts.Token).AsTask();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => canceled);
    }
}
