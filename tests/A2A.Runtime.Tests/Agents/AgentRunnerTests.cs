using A2A.Agents;
using static A2A.Runtime.Tests.TestModel;

namespace A2A.Runtime.Tests.Agents;

/// <summary>What a handler's exception becomes, and the helpers multi-turn handlers and clients use.</summary>
public class AgentRunnerTests
{
    [Fact]
    public async Task A_throwing_handler_fails_the_task_with_a_fixed_message_and_reports_the_exception()
    {
        TaskManager manager = NewManager();
        var seen = new List<(string TaskId, Exception Exception)>();
        var options = new AgentRunOptions { OnHandlerException = (task, ex) => seen.Add((task.Id, ex)) };

        AgentTurn accepted = await AgentRunner.AcceptAsync(manager, Message.FromUser("go"));
        AgentTask after = (await AgentRunner.RunHandlerAsync(accepted, (_, _, _, _) => throw new InvalidOperationException("secret"), options)).Task!;

        Assert.Equal(TaskState.Failed, after.Status.State);
        Assert.Equal(AgentRunner.HandlerFailedMessage, after.GetStatusText());
        (string id, Exception exception) = Assert.Single(seen);
        Assert.Equal(accepted.Task.Id, id);
        Assert.Equal("secret", exception.Message);
    }

    [Fact]
    public async Task A_handler_whose_write_is_refused_because_its_task_was_canceled_elsewhere_has_not_failed()
    {
        TaskManager manager = NewManager();
        var seen = new List<Exception>();
        var options = new AgentRunOptions { OnHandlerException = (_, ex) => seen.Add(ex) };

        // Another writer (a CancelTask that reached another server instance) cancels the task in the store while the
        // handler works, before any token fires; the handler's next write is refused.
        AgentTurn accepted = await AgentRunner.AcceptAsync(manager, Message.FromUser("go"));
        AgentTask after = (await AgentRunner.RunHandlerAsync(accepted, async (_, task, updater, token) =>
        {
            await updater.StartWorkAsync(cancellationToken: token);
            await manager.CancelTaskAsync(task.Id, cancellationToken: token);
            await updater.AddArtifactAsync([Part.FromText("too late")], cancellationToken: token);
        }, options)).Task!;

        Assert.Equal(TaskState.Canceled, after.Status.State);
        Assert.Empty(seen);

        // Refused for any other reason, it is still a failure.
        AgentTurn other = await AgentRunner.AcceptAsync(manager, Message.FromUser("go"));
        AgentTask failed = (await AgentRunner.RunHandlerAsync(other, async (_, task, updater, token) =>
        {
            await updater.CompleteAsync(cancellationToken: token);
            await updater.AddArtifactAsync([Part.FromText("after completing")], cancellationToken: token);
        }, options)).Task!;

        Assert.Equal(TaskState.Completed, failed.Status.State);
        Assert.IsType<InvalidTaskStateException>(Assert.Single(seen));
    }

    [Fact]
    public async Task The_exception_message_reaches_the_status_only_when_asked_and_a_throwing_callback_changes_nothing()
    {
        TaskManager manager = NewManager();
        var options = new AgentRunOptions { IncludeExceptionMessage = true, OnHandlerException = (_, _) => throw new IOException("log sink down") };

        AgentTurn accepted = await AgentRunner.AcceptAsync(manager, Message.FromUser("go"));
        AgentTask after = (await AgentRunner.RunHandlerAsync(accepted, (_, _, _, _) => throw new InvalidOperationException("boom"), options)).Task!;

        Assert.Equal(TaskState.Failed, after.Status.State);
        Assert.Equal($"{AgentRunner.HandlerFailedMessage} InvalidOperationException: boom", after.GetStatusText());
    }

    [Fact]
    public async Task Reply_continues_the_task_and_the_question_is_the_status_text()
    {
        TaskManager manager = NewManager(TaskLifecycle.For(OptionalTaskStates.InputRequired));
        Message ask = Message.FromUser("Plan a weekend");
        Assert.Equal(Role.User, ask.Role);
        Assert.False(string.IsNullOrEmpty(ask.MessageId));
        Assert.Null(ask.TaskId);
        Assert.Equal("Plan a weekend", ask.GetText());

        AgentTask task = await manager.CreateTaskAsync(ask);
        TaskUpdater updater = manager.CreateUpdater(task);
        await updater.RequireInputAsync(updater.NewAgentMessage("Who is travelling?"));
        AgentTask asked = await manager.GetTaskAsync(task.Id);
        Assert.Equal("Who is travelling?", asked.GetStatusText());

        Message answer = asked.Reply("Two adults");
        Assert.Equal((asked.Id, asked.ContextId, Role.User), (answer.TaskId, answer.ContextId, answer.Role));
        Assert.NotEqual(ask.MessageId, answer.MessageId);
        AgentTurn continued = await AgentRunner.AcceptAsync(manager, answer);
        Assert.False(continued.IsFirstTurn);
        Assert.True(continued.HasTask);
        Assert.Equal("Two adults", continued.Task.History[^1].GetText());
        Assert.Equal("Two adults", (await manager.GetTaskAsync(task.Id)).History[^1].GetText());
    }

    [Fact]
    public void Helpers_refuse_what_is_not_a_message()
    {
        Assert.Throws<ArgumentNullException>(() => Message.FromUser((string)null!));
        Assert.Throws<ArgumentException>(() => Message.FromUser(Array.Empty<Part>()));
        Assert.Null(new AgentTask { Id = "t" }.GetStatusText());
        Assert.Equal("ab", new Message { Parts = [Part.FromText("a"), Part.FromText("b")] }.GetText());
    }

    [Fact]
    public async Task IsFirstTurn_depends_on_the_message_not_on_the_history()
    {
        TaskManager manager = NewManager(TaskLifecycle.For(OptionalTaskStates.InputRequired));
        var turns = new List<bool>();
        Task Handler(AgentTask task, TaskUpdater updater, Message message)
        {
            var context = new Context(message, task, new Updater(updater));
            turns.Add(context.IsFirstTurn);
            return context.IsFirstTurn ? updater.RequireInputAsync(updater.NewAgentMessage("more?")) : updater.CompleteAsync();
        }

        Message first = Message.FromUser("hi");
        AgentTask task = await AgentRunner.RunAsync(manager, first, (t, u, _) => Handler(t, u, first));

        // The follow-up: the history now holds more than the first message, and the answer is still "not first".
        Message second = task.Reply("more");
        AgentTask after = await AgentRunner.RunAsync(manager, second, (t, u, _) => Handler(t, u, second));
        Assert.True(after.History.Count > 1);
        Assert.Equal([true, false], turns);
    }

    private sealed class Updater(TaskUpdater inner) : AgentTaskUpdater(inner);

    private sealed class Context(Message message, AgentTask task, Updater updater) : AgentContext<Updater>(message, task, updater);
}
