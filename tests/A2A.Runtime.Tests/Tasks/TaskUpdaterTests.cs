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
}
