using static A2A.Runtime.Tests.TestModel;

namespace A2A.Runtime.Tests.Tasks;

public class TaskUpdaterTests
{
    [Fact]
    public async Task Drives_a_task_through_its_lifecycle_with_streamed_artifact_chunks()
    {
        TaskManager manager = NewManager(TaskLifecycle.For(OptionalTaskStates.InputRequired));
        TaskUpdater updater = manager.CreateUpdater("t1", "c1");

        AgentTask submitted = await updater.SubmitAsync(UserMessage("summarize"));
        Assert.Equal(TaskState.Submitted, submitted.Status.State);
        Assert.Same(submitted, await updater.SubmitAsync()); // idempotent while submitted

        await updater.StartWorkAsync(updater.NewAgentMessage("reading"));
        string id = await updater.AddArtifactAsync([Part.FromText("Hello, ")], name: "summary");
        await updater.AddArtifactAsync([Part.FromText("world!")], artifactId: id, append: true, lastChunk: true);
        await updater.RequireInputAsync(updater.NewAgentMessage("which language?"));
        await updater.StartWorkAsync();
        AgentTask done = await updater.CompleteAsync(updater.NewAgentMessage("done"));

        Assert.Equal(TaskState.Completed, done.Status.State);
        Assert.Equal("summary", done.Artifacts.Single().Name);
        Assert.Equal(["Hello, ", "world!"], done.Artifacts.Single().Parts.Select(p => p.Text));
        Assert.Equal(["summarize", "reading", "which language?"], done.History.Select(m => m.Parts[0].Text));
        Assert.Equal("done", done.Status.Message!.Parts[0].Text);
        Assert.All(done.History.Skip(1), m => Assert.Equal(Role.Agent, m.Role));
        await Assert.ThrowsAsync<InvalidTaskStateException>(() => updater.SubmitAsync());
    }

    [Theory]
    [InlineData(TaskState.Completed)]
    [InlineData(TaskState.Failed)]
    [InlineData(TaskState.Canceled)]
    [InlineData(TaskState.Rejected)]
    public async Task After_a_terminal_state_every_update_is_refused(TaskState terminal)
    {
        TaskManager manager = NewManager();
        TaskUpdater updater = manager.CreateUpdater(await manager.CreateTaskAsync());
        await updater.UpdateStatusAsync(terminal);

        await Assert.ThrowsAsync<InvalidTaskStateException>(() => updater.StartWorkAsync());
        await Assert.ThrowsAsync<InvalidTaskStateException>(() => updater.CompleteAsync());
        await Assert.ThrowsAsync<InvalidTaskStateException>(() => updater.FailAsync());
        await Assert.ThrowsAsync<InvalidTaskStateException>(() => updater.RequireInputAsync());
        await Assert.ThrowsAsync<InvalidTaskStateException>(() => updater.AddArtifactAsync([Part.FromText("late")]));
        await Assert.ThrowsAsync<TaskNotCancelableException>(() => updater.CancelAsync());
    }

    [Fact]
    public async Task The_terminal_guard_holds_across_updater_instances()
    {
        TaskManager manager = NewManager();
        AgentTask task = await manager.CreateTaskAsync();
        TaskUpdater first = manager.CreateUpdater(task);
        TaskUpdater second = manager.CreateUpdater(task.Id, task.ContextId!);

        await first.CompleteAsync();
        var error = await Assert.ThrowsAsync<InvalidTaskStateException>(() => second.FailAsync());
        Assert.Equal(TaskState.Completed, error.CurrentState);
        Assert.Equal(TaskState.Failed, error.RequestedState);
    }

    [Fact]
    public async Task Appending_needs_an_artifact_id()
    {
        TaskManager manager = NewManager();
        TaskUpdater updater = manager.CreateUpdater(await manager.CreateTaskAsync());
        await Assert.ThrowsAsync<ArgumentException>(() => updater.AddArtifactAsync([Part.FromText("x")], append: true));
    }

    [Fact]
    public async Task Optional_states_need_declaring()
    {
        TaskManager manager = NewManager(TaskLifecycle.Minimal);
        TaskUpdater updater = manager.CreateUpdater(await manager.CreateTaskAsync());
        await Assert.ThrowsAsync<InvalidTaskStateException>(() => updater.RejectAsync());
        await Assert.ThrowsAsync<InvalidTaskStateException>(() => updater.RequireAuthAsync());
        Assert.Equal(TaskState.Completed, (await updater.CompleteAsync()).Status.State);
    }

    [Fact]
    public async Task An_updater_writes_without_reading_again_while_nobody_else_writes()
    {
        var store = new ReadCountingStore();
        var manager = new TaskManager(store);
        TaskUpdater updater = manager.CreateUpdater(await manager.CreateTaskAsync());
        await updater.StartWorkAsync();
        int reads = store.Reads;

        string id = await updater.AddArtifactAsync([Part.FromText("a")]);
        await updater.AddArtifactAsync([Part.FromText("b")], id, append: true);
        AgentTask done = await updater.CompleteAsync();

        Assert.Equal(reads, store.Reads);
        Assert.Equal(["a", "b"], done.Artifacts.Single().Parts.Select(p => p.Text));
        Assert.Equal(A2A.Json.A2AJson.Serialize(done), A2A.Json.A2AJson.Serialize((await store.GetAsync(done.Id))!.Task));
    }

    [Fact]
    public async Task After_another_writer_an_updater_builds_on_what_that_writer_left()
    {
        TaskManager manager = NewManager();
        AgentTask task = await manager.CreateTaskAsync();
        TaskUpdater updater = manager.CreateUpdater(task);
        string id = await updater.AddArtifactAsync([Part.FromText("mine ")]);

        // Someone else appends to the same artifact: the updater's next chunk goes after theirs, nothing is lost.
        await manager.AddArtifactAsync(task.Id, new Artifact { ArtifactId = id, Parts = [Part.FromText("theirs ")] }, append: true);
        AgentTask after = (await manager.GetTaskAsync(task.Id));
        await updater.AddArtifactAsync([Part.FromText("mine again")], id, append: true);

        Assert.Equal(["mine ", "theirs ", "mine again"], (await manager.GetTaskAsync(task.Id)).Artifacts.Single().Parts.Select(p => p.Text));
        Assert.Equal(2, after.Artifacts.Single().Parts.Count);

        // Someone else finishes the task: the updater's next change is refused on the task as it is now.
        await manager.UpdateStatusAsync(task.Id, TaskState.Completed);
        InvalidTaskStateException refused = await Assert.ThrowsAsync<InvalidTaskStateException>(() => updater.FailAsync());
        Assert.Equal(TaskState.Completed, refused.CurrentState);
    }

    [Fact]
    public async Task A_change_refused_on_what_the_updater_last_wrote_is_decided_again_on_the_stored_task()
    {
        TaskManager manager = NewManager(TaskLifecycle.For(OptionalTaskStates.InputRequired));
        AgentTask task = await manager.CreateTaskAsync();
        TaskUpdater updater = manager.CreateUpdater(task);
        await updater.RequireInputAsync(); // the updater last saw input-required, from which completing is illegal

        await manager.UpdateStatusAsync(task.Id, TaskState.Working); // someone else resumed the task

        Assert.Equal(TaskState.Completed, (await updater.CompleteAsync()).Status.State);
    }

    /// <summary>The in-memory store, counting reads.</summary>
    private sealed class ReadCountingStore : ITaskStore
    {
        private readonly InMemoryTaskStore _inner = new();
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public ValueTask<StoredTask?> GetAsync(string taskId, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            return _inner.GetAsync(taskId, cancellationToken);
        }

        public ValueTask<StoredTask> CreateAsync(AgentTask task, string? owner = null, CancellationToken cancellationToken = default) => _inner.CreateAsync(task, owner, cancellationToken);

        public ValueTask<StoredTask> UpdateAsync(AgentTask task, long expectedVersion, StreamResponse change, CancellationToken cancellationToken = default) =>
            _inner.UpdateAsync(task, expectedVersion, change, cancellationToken);

        public ValueTask<TaskPage> ListAsync(TaskQuery query, CancellationToken cancellationToken = default) => _inner.ListAsync(query, cancellationToken);

        public ValueTask<IReadOnlyList<TaskEventRecord>> ReadEventsAsync(string taskId, long afterSequence, int maxCount, CancellationToken cancellationToken = default) =>
            _inner.ReadEventsAsync(taskId, afterSequence, maxCount, cancellationToken);

        public ValueTask<bool> DeleteAsync(string taskId, CancellationToken cancellationToken = default) => _inner.DeleteAsync(taskId, cancellationToken);

        public ValueTask WaitForEventsAsync(string taskId, long afterSequence, CancellationToken cancellationToken = default) =>
            _inner.WaitForEventsAsync(taskId, afterSequence, cancellationToken);
    }
}
