using static A2A.Runtime.Tests.TestModel;

namespace A2A.Runtime.Tests.Tasks;

public class ClientTaskManagerTests
{
    private static readonly AgentTask Working = new() { Id = "t1", ContextId = "c1", Status = new AgentTaskStatus { State = TaskState.Working } };

    [Fact]
    public void GetTaskOrThrow_before_any_event_is_a_client_state_error()
    {
        var manager = new ClientTaskManager();
        Assert.Null(manager.GetTask());
        var error = Assert.Throws<A2AClientInvalidStateException>(() => manager.GetTaskOrThrow());
        Assert.Contains("Process", error.Message);
    }

    [Fact]
    public void Process_returns_the_event_and_tracks_the_task()
    {
        var manager = new ClientTaskManager();
        StreamResponse snapshot = StreamResponse.From(Working);
        Assert.Same(snapshot, manager.Process(snapshot));
        StreamResponse done = StreamResponse.From(new TaskStatusUpdateEvent { TaskId = "t1", ContextId = "c1", Status = new AgentTaskStatus { State = TaskState.Completed } });
        Assert.Same(done, manager.Process(done));
        Assert.Equal(TaskState.Completed, manager.GetTaskOrThrow().Status.State);
        Assert.Equal("t1", manager.TaskId);
        Assert.Equal("c1", manager.ContextId);

        StreamResponse direct = StreamResponse.From(AgentMessage("hi"));
        Assert.Same(direct, manager.Process(direct)); // a message without a task is passed through
    }

    [Fact]
    public void Events_for_another_task_are_refused()
    {
        var manager = new ClientTaskManager();
        manager.SaveTaskEvent(StreamResponse.From(Working));
        var error = Assert.Throws<A2AClientInvalidStateException>(() => manager.SaveTaskEvent(StreamResponse.From(Working with { Id = "t2" })));
        Assert.Contains("t2", error.Message);
    }

    [Fact]
    public void A_peer_that_updates_a_finished_task_is_caught()
    {
        var manager = new ClientTaskManager();
        manager.SaveTaskEvent(StreamResponse.From(Working with { Status = new AgentTaskStatus { State = TaskState.Failed } }));
        Assert.Throws<InvalidAgentResponseException>(() => manager.SaveTaskEvent(StreamResponse.From(
            new TaskStatusUpdateEvent { TaskId = "t1", ContextId = "c1", Status = new AgentTaskStatus { State = TaskState.Working } })));
    }

    [Fact]
    public void UpdateWithMessage_moves_the_status_message_to_history_first()
    {
        var manager = new ClientTaskManager();
        AgentTask asking = Working with { Status = new AgentTaskStatus { State = TaskState.InputRequired, Message = AgentMessage("how many?") } };
        manager.SaveTaskEvent(StreamResponse.From(asking));

        AgentTask updated = manager.UpdateWithMessage(UserMessage("four"), asking);
        Assert.Null(updated.Status.Message);
        Assert.Equal(["how many?", "four"], updated.History.Select(m => m.Parts[0].Text));
        Assert.Equal("t1", updated.History[1].TaskId);
        Assert.Same(updated, manager.GetTask());
        Assert.Throws<A2AClientInvalidStateException>(() => manager.UpdateWithMessage(UserMessage("x"), Working with { Id = "t2" }));
    }

    // A snapshot is the task as it is now: a blocking follow-up to an input-required task answers it completed, with
    // the working state in between never seen by this client.
    [Fact]
    public void A_snapshot_may_skip_the_states_in_between()
    {
        var manager = new ClientTaskManager(TaskLifecycle.For(OptionalTaskStates.InputRequired));
        manager.SaveTaskEvent(StreamResponse.From(Working with { Status = new AgentTaskStatus { State = TaskState.InputRequired } }));
        manager.SaveTaskEvent(StreamResponse.From(Working with { Status = new AgentTaskStatus { State = TaskState.Completed } }));
        Assert.Equal(TaskState.Completed, manager.GetTaskOrThrow().Status.State);

        // Resending the final snapshot is fine; leaving the terminal state is not, nor is a state the agent lacks.
        manager.SaveTaskEvent(StreamResponse.From(Working with { Status = new AgentTaskStatus { State = TaskState.Completed } }));
        Assert.ThrowsAny<A2AException>(() => manager.SaveTaskEvent(StreamResponse.From(Working with { Status = new AgentTaskStatus { State = TaskState.Working } })));
        var minimal = new ClientTaskManager(TaskLifecycle.Minimal);
        minimal.SaveTaskEvent(StreamResponse.From(Working));
        Assert.ThrowsAny<A2AException>(() => minimal.SaveTaskEvent(StreamResponse.From(Working with { Status = new AgentTaskStatus { State = TaskState.AuthRequired } })));
    }

    [Fact]
    public void A_direct_reply_is_kept_as_the_reply_and_changes_no_task()
    {
        var manager = new ClientTaskManager();
        var answer = new SendMessageResponse { Message = AgentMessage("pong") with { ContextId = "c1" } };
        Assert.Same(answer, manager.Process(answer));
        Assert.Equal("pong", manager.Reply!.GetText());
        Assert.Null(manager.GetTask());

        // The next message of the conversation starts a task: the manager then tracks it.
        manager.Process(new SendMessageResponse { Task = Working });
        Assert.Equal("t1", manager.GetTaskOrThrow().Id);
        Assert.Equal("pong", manager.Reply!.GetText());
        Assert.Throws<InvalidAgentResponseException>(() => manager.Process(new SendMessageResponse()));
    }
}
