using System.Collections.Concurrent;
using static A2A.Runtime.Tests.TestModel;

namespace A2A.Runtime.Tests.Tasks;

/// <summary>Observers of committed transitions see what the store accepted, once, in order, and nothing it refused.</summary>
public class CommittedTransitionTests
{
    [Fact]
    public async Task Observers_see_each_committed_change_with_the_stored_task()
    {
        TaskManager manager = NewManager(TaskLifecycle.For(OptionalTaskStates.InputRequired));
        var seen = new List<CommittedTransition>();
        using IDisposable registration = manager.OnTransitionCommitted(seen.Add);

        AgentTask task = await manager.CreateTaskAsync(UserMessage("hi"));
        TaskUpdater updater = manager.CreateUpdater(task);
        await updater.StartWorkAsync();
        await updater.StartWorkAsync(); // progress: a reentry
        await updater.AddArtifactAsync([Part.FromText("not a transition")]);
        await updater.RequireInputAsync();
        await updater.StartWorkAsync();
        AgentTask completed = await updater.CompleteAsync();

        Assert.Equal(
            [
                new TaskTransition(TaskState.Unspecified, TaskTrigger.Submit, TaskState.Submitted),
                new TaskTransition(TaskState.Submitted, TaskTrigger.Work, TaskState.Working),
                new TaskTransition(TaskState.Working, TaskTrigger.Work, TaskState.Working),
                new TaskTransition(TaskState.Working, TaskTrigger.RequireInput, TaskState.InputRequired),
                new TaskTransition(TaskState.InputRequired, TaskTrigger.Work, TaskState.Working),
                new TaskTransition(TaskState.Working, TaskTrigger.Complete, TaskState.Completed),
            ],
            seen.Select(s => s.Transition));
        Assert.True(seen[2].Transition.IsReentry);
        Assert.All(seen, s => Assert.Equal(task.Id, s.TaskId));
        Assert.Equal(completed, seen[^1].Task);
    }

    [Fact]
    public async Task Refused_changes_are_never_observed_and_the_observer_sees_the_committed_state()
    {
        TaskManager manager = NewManager();
        AgentTask task = await manager.CreateTaskAsync();
        var seen = new List<(TaskTransition Transition, TaskState StoredWhenObserved)>();
        using IDisposable registration = manager.OnTransitionCommitted(c =>
            seen.Add((c.Transition, manager.Store.GetAsync(c.TaskId).AsTask().Result!.Task.Status.State)));

        await manager.UpdateStatusAsync(task.Id, TaskState.Failed);
        await Assert.ThrowsAsync<InvalidTaskStateException>(() => manager.UpdateStatusAsync(task.Id, TaskState.Working));
        await Assert.ThrowsAsync<TaskNotCancelableException>(() => manager.CancelTaskAsync(task.Id));

        (TaskTransition transition, TaskState stored) = Assert.Single(seen);
        Assert.Equal(new TaskTransition(TaskState.Submitted, TaskTrigger.Fail, TaskState.Failed), transition);
        Assert.Equal(TaskState.Failed, stored); // already committed when the observer ran
    }

    [Fact]
    public async Task Of_racing_writers_only_the_winner_is_observed()
    {
        TaskManager manager = NewManager();
        AgentTask task = await manager.CreateTaskAsync();
        var seen = new ConcurrentQueue<TaskTransition>();
        using IDisposable registration = manager.OnTransitionCommitted(c => seen.Enqueue(c.Transition));

        TaskState[] endings = [TaskState.Completed, TaskState.Failed, TaskState.Canceled, TaskState.Completed, TaskState.Failed, TaskState.Canceled];
        Task<AgentTask>[] writers = endings.Select(state => Task.Run(() => manager.UpdateStatusAsync(task.Id, state))).ToArray();
        int won = 0;
        foreach (Task<AgentTask> writer in writers)
        {
            try
            {
                await writer;
                won++;
            }
            catch (InvalidTaskStateException)
            {
            }
        }

        Assert.Equal(1, won);
        TaskTransition only = Assert.Single(seen);
        Assert.Equal((await manager.GetTaskAsync(task.Id)).Status.State, only.Destination);
    }

    [Fact]
    public async Task A_disposed_registration_stops_observing_and_a_throwing_observer_leaves_the_change_committed()
    {
        TaskManager manager = NewManager();
        int calls = 0;
        IDisposable counting = manager.OnTransitionCommitted(_ => calls++);
        AgentTask task = await manager.CreateTaskAsync();
        counting.Dispose();
        await manager.UpdateStatusAsync(task.Id, TaskState.Working);
        Assert.Equal(1, calls);

        using IDisposable throwing = manager.OnTransitionCommitted(_ => throw new InvalidOperationException("observer broke"));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => manager.UpdateStatusAsync(task.Id, TaskState.Completed));
        Assert.Equal("observer broke", error.Message);
        Assert.Equal(TaskState.Completed, (await manager.GetTaskAsync(task.Id)).Status.State);
        Assert.Throws<ArgumentNullException>(() => manager.OnTransitionCommitted(null!));
    }
}
