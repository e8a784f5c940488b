using System.Text.Json;
using static A2A.Runtime.Tests.TestModel;

namespace A2A.Runtime.Tests.Tasks;

public class TaskManagerTests
{
    [Fact]
    public async Task Create_makes_a_submitted_task_whose_history_starts_with_the_message()
    {
        TaskManager manager = NewManager();
        Message ask = UserMessage("hello", contextId: "ctx");
        AgentTask task = await manager.CreateTaskAsync(ask);

        Assert.Equal(TaskState.Submitted, task.Status.State);
        Assert.Equal("ctx", task.ContextId);
        Message first = Assert.Single(task.History);
        Assert.Equal(task.Id, first.TaskId);
        Assert.Equal(ask.MessageId, first.MessageId);
        Assert.NotNull(task.Status.Timestamp);
    }

    [Fact]
    public async Task Create_without_context_makes_one_and_refuses_mismatched_ids()
    {
        TaskManager manager = NewManager();
        AgentTask task = await manager.CreateTaskAsync();
        Assert.False(string.IsNullOrEmpty(task.ContextId));

        await Assert.ThrowsAsync<InvalidParamsException>(() => manager.CreateTaskAsync(UserMessage("x", contextId: "a"), contextId: "b"));
        await Assert.ThrowsAsync<InvalidParamsException>(() => manager.CreateTaskAsync(UserMessage("x", taskId: "other"), taskId: "mine"));
        await Assert.ThrowsAsync<InvalidParamsException>(() => manager.CreateTaskAsync(new Message { Role = Role.User, Parts = [Part.FromText("no id")] }));
    }

    [Fact]
    public async Task Get_unknown_is_TaskNotFound_with_code_32001()
    {
        var error = await Assert.ThrowsAsync<TaskNotFoundException>(() => NewManager().GetTaskAsync("nope"));
        Assert.Equal(-32001, error.Code);
        Assert.Equal("TASK_NOT_FOUND", error.Reason);
        Assert.Contains("nope", error.Message);
    }

    [Theory]
    [InlineData(null, 3)]
    [InlineData(0, 0)]
    [InlineData(2, 2)]
    [InlineData(10, 3)]
    public async Task Get_honors_historyLength(int? historyLength, int expected)
    {
        TaskManager manager = NewManager();
        AgentTask task = await manager.CreateTaskAsync(UserMessage("1"));
        await manager.UpdateWithMessageAsync(task.Id, UserMessage("2"));
        await manager.UpdateWithMessageAsync(task.Id, UserMessage("3"));

        AgentTask read = await manager.GetTaskAsync(task.Id, historyLength);
        Assert.Equal(expected, read.History.Count);
        if (expected > 0)
        {
            Assert.Equal("3", read.History[^1].Parts[0].Text); // the most recent ones
        }

        await Assert.ThrowsAsync<InvalidParamsException>(() => manager.GetTaskAsync(task.Id, -1));
    }

    [Fact]
    public async Task Status_updates_are_checked_and_move_the_previous_status_message_to_history()
    {
        TaskManager manager = NewManager();
        AgentTask task = await manager.CreateTaskAsync(UserMessage("go"));
        await manager.UpdateStatusAsync(task.Id, TaskState.Working, AgentMessage("working on it"));
        AgentTask done = await manager.UpdateStatusAsync(task.Id, TaskState.Completed);

        Assert.Equal(TaskState.Completed, done.Status.State);
        Assert.Null(done.Status.Message);
        Assert.Equal(["go", "working on it"], done.History.Select(m => m.Parts[0].Text));
        Assert.Equal(task.Id, done.History[1].TaskId);

        var error = await Assert.ThrowsAsync<InvalidTaskStateException>(() => manager.UpdateStatusAsync(task.Id, TaskState.Working));
        Assert.Equal(TaskState.Completed, error.CurrentState);
        Assert.Equal(TaskState.Completed, (await manager.GetTaskAsync(task.Id)).Status.State);
    }

    [Fact]
    public async Task Undeclared_states_are_refused_at_run_time()
    {
        TaskManager manager = NewManager(TaskLifecycle.Minimal);
        AgentTask task = await manager.CreateTaskAsync();
        var error = await Assert.ThrowsAsync<InvalidTaskStateException>(() => manager.UpdateStatusAsync(task.Id, TaskState.InputRequired));
        Assert.Contains("does not declare", error.Message);
    }

    [Fact]
    public async Task Cancel_of_a_terminal_task_is_TaskNotCancelable()
    {
        TaskManager manager = NewManager();
        AgentTask task = await manager.CreateTaskAsync();
        AgentTask canceled = await manager.CancelTaskAsync(task.Id);
        Assert.Equal(TaskState.Canceled, canceled.Status.State);

        var error = await Assert.ThrowsAsync<TaskNotCancelableException>(() => manager.CancelTaskAsync(task.Id));
        Assert.Equal(-32002, error.Code);
        Assert.Equal(TaskState.Canceled, error.State);
        await Assert.ThrowsAsync<TaskNotFoundException>(() => manager.CancelTaskAsync("nope"));
    }

    [Fact]
    public async Task Artifacts_are_added_replaced_appended_and_read_back()
    {
        TaskManager manager = NewManager();
        AgentTask task = await manager.CreateTaskAsync();
        await manager.AddArtifactAsync(task.Id, TextArtifact("a1", "Hello, "));
        await manager.AddArtifactAsync(task.Id, TextArtifact("a1", "world!"), append: true, lastChunk: true);
        await manager.AddArtifactAsync(task.Id, TextArtifact("a2", "draft"));
        await manager.AddArtifactAsync(task.Id, TextArtifact("a2", "final"));

        IReadOnlyList<Artifact> artifacts = await manager.GetArtifactsAsync(task.Id);
        Assert.Equal(["a1", "a2"], artifacts.Select(a => a.ArtifactId));
        Assert.Equal(["Hello, ", "world!"], (await manager.GetArtifactAsync(task.Id, "a1")).Parts.Select(p => p.Text));
        Assert.Equal(["final"], artifacts[1].Parts.Select(p => p.Text));
        await Assert.ThrowsAsync<InvalidParamsException>(() => manager.GetArtifactAsync(task.Id, "a3"));
    }

    [Fact]
    public async Task Append_to_an_unknown_artifact_is_an_error_not_silently_dropped()
    {
        TaskManager manager = NewManager();
        AgentTask task = await manager.CreateTaskAsync();
        var error = await Assert.ThrowsAsync<InvalidAgentResponseException>(() => manager.AddArtifactAsync(task.Id, TextArtifact("ghost", "x"), append: true));
        Assert.Contains("ghost", error.Message);
        Assert.Empty((await manager.GetTaskAsync(task.Id)).Artifacts);
    }

    [Fact]
    public async Task Invalid_artifacts_and_messages_are_InvalidParams_naming_the_field()
    {
        TaskManager manager = NewManager();
        AgentTask task = await manager.CreateTaskAsync();
        var noId = await Assert.ThrowsAsync<InvalidParamsException>(() => manager.AddArtifactAsync(task.Id, new Artifact { Parts = [Part.FromText("x")] }));
        Assert.Contains("artifact.artifactId", noId.Message);
        var noParts = await Assert.ThrowsAsync<InvalidParamsException>(() => manager.AddArtifactAsync(task.Id, new Artifact { ArtifactId = "a" }));
        Assert.Contains("artifact.parts", noParts.Message);
        var emptyPart = await Assert.ThrowsAsync<InvalidParamsException>(() => manager.UpdateStatusAsync(task.Id, TaskState.Working, new Message { MessageId = "m", Role = Role.Agent, Parts = [new Part()] }));
        Assert.Contains("status.message.parts[0]", emptyPart.Message);
        Assert.Equal(1, (await manager.Store.GetAsync(task.Id))!.Version); // nothing was written
    }

    [Fact]
    public async Task Nothing_changes_a_terminal_task()
    {
        TaskManager manager = NewManager();
        AgentTask task = await manager.CreateTaskAsync();
        await manager.UpdateStatusAsync(task.Id, TaskState.Failed);
        long version = (await manager.Store.GetAsync(task.Id))!.Version;

        await Assert.ThrowsAsync<InvalidTaskStateException>(() => manager.AddArtifactAsync(task.Id, TextArtifact("a", "late")));
        var message = await Assert.ThrowsAsync<InvalidTaskStateException>(() => manager.UpdateWithMessageAsync(task.Id, UserMessage("late")));
        Assert.Equal(A2AErrorCodes.UnsupportedOperation, message.Code); // -32004 on the wire, as the spec asks
        await Assert.ThrowsAsync<InvalidTaskStateException>(() => manager.UpdateMetadataAsync(task.Id, new Dictionary<string, JsonElement>()));
        await Assert.ThrowsAsync<InvalidTaskStateException>(() => manager.ProcessEventAsync(StreamResponse.From(task with { Status = new AgentTaskStatus { State = TaskState.Working } })));
        Assert.Equal(version, (await manager.Store.GetAsync(task.Id))!.Version);
    }

    [Fact]
    public async Task UpdateWithMessage_moves_the_status_message_to_history_first()
    {
        TaskManager manager = NewManager();
        AgentTask task = await manager.CreateTaskAsync(UserMessage("book a table"));
        await manager.UpdateStatusAsync(task.Id, TaskState.InputRequired, AgentMessage("for how many?"));
        AgentTask updated = await manager.UpdateWithMessageAsync(task.Id, UserMessage("four", taskId: task.Id));

        Assert.Null(updated.Status.Message);
        Assert.Equal(TaskState.InputRequired, updated.Status.State);
        Assert.Equal(["book a table", "for how many?", "four"], updated.History.Select(m => m.Parts[0].Text));
        await Assert.ThrowsAsync<InvalidParamsException>(() => manager.UpdateWithMessageAsync(task.Id, UserMessage("x", taskId: "other")));
        await Assert.ThrowsAsync<InvalidParamsException>(() => manager.UpdateWithMessageAsync(task.Id, UserMessage("x", contextId: "other")));
    }

    [Fact]
    public async Task Metadata_updates_merge()
    {
        TaskManager manager = NewManager();
        AgentTask task = await manager.CreateTaskAsync(metadata: new Dictionary<string, JsonElement> { ["a"] = JsonSerializer.SerializeToElement(1) });
        AgentTask updated = await manager.UpdateMetadataAsync(task.Id, new Dictionary<string, JsonElement> { ["b"] = JsonSerializer.SerializeToElement("x") });
        Assert.Equal(["a", "b"], updated.Metadata!.Keys.Order());
    }

    [Fact]
    public async Task ProcessEvent_saves_agent_events_and_rejects_mismatches()
    {
        TaskManager manager = NewManager();
        var snapshot = new AgentTask { Id = "t1", ContextId = "c1", Status = new AgentTaskStatus { State = TaskState.Submitted } };
        await manager.ProcessEventAsync(StreamResponse.From(snapshot));
        await manager.ProcessEventAsync(StreamResponse.From(new TaskStatusUpdateEvent { TaskId = "t1", ContextId = "c1", Status = new AgentTaskStatus { State = TaskState.Working } }));
        AgentTask after = await manager.ProcessEventAsync(StreamResponse.From(new TaskArtifactUpdateEvent { TaskId = "t1", ContextId = "c1", Artifact = TextArtifact("a", "x") }));
        Assert.Equal(TaskState.Working, after.Status.State);
        Assert.Single(after.Artifacts);

        var context = await Assert.ThrowsAsync<InvalidParamsException>(() => manager.ProcessEventAsync(StreamResponse.From(
            new TaskStatusUpdateEvent { TaskId = "t1", ContextId = "other", Status = new AgentTaskStatus { State = TaskState.Completed } })));
        Assert.Contains("context", context.Message);
        await Assert.ThrowsAsync<TaskNotFoundException>(() => manager.ProcessEventAsync(StreamResponse.From(
            new TaskStatusUpdateEvent { TaskId = "ghost", ContextId = "c1", Status = new AgentTaskStatus { State = TaskState.Completed } })));
        await Assert.ThrowsAsync<InvalidParamsException>(() => manager.ProcessEventAsync(StreamResponse.From(AgentMessage("no task"))));
        await Assert.ThrowsAsync<InvalidTaskStateException>(() => manager.ProcessEventAsync(StreamResponse.From(
            snapshot with { Id = "t2", Status = new AgentTaskStatus { State = TaskState.Working } }))); // a new task starts submitted
    }

    [Fact]
    public async Task ListActive_leaves_out_terminal_tasks()
    {
        TaskManager manager = NewManager();
        AgentTask a = await manager.CreateTaskAsync(contextId: "x");
        AgentTask b = await manager.CreateTaskAsync(contextId: "x");
        await manager.CreateTaskAsync(contextId: "y");
        await manager.UpdateStatusAsync(b.Id, TaskState.Completed);

        Assert.Equal([a.Id], (await manager.ListActiveTasksAsync("x")).Select(t => t.Id));
        Assert.Equal(2, (await manager.ListActiveTasksAsync()).Count);
    }

    [Fact]
    public async Task Aggregator_from_the_manager_continues_the_stored_task()
    {
        TaskManager manager = NewManager();
        AgentTask task = await manager.CreateTaskAsync();
        ResultAggregator aggregator = await manager.GetAggregatorAsync(task.Id);
        Assert.Equal(task.Id, aggregator.CurrentTask!.Id);
    }
}
