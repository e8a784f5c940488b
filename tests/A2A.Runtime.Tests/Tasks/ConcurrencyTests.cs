using static A2A.Runtime.Tests.TestModel;

namespace A2A.Runtime.Tests.Tasks;

public class ConcurrencyTests
{
    private static readonly TaskState[] Terminals = [TaskState.Completed, TaskState.Failed, TaskState.Canceled, TaskState.Rejected];

    [Fact]
    public async Task Of_64_concurrent_writers_finishing_one_task_exactly_one_lands()
    {
        for (int round = 0; round < 20; round++)
        {
            TaskManager manager = NewManager();
            AgentTask task = await manager.CreateTaskAsync();
            await manager.UpdateStatusAsync(task.Id, TaskState.Working);

            using var start = new ManualResetEventSlim();
            Task<TaskState?>[] writers = Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
            {
                start.Wait();
                TaskUpdater updater = manager.CreateUpdater(task); // a fresh updater per writer: no shared guard
                try
                {
                    await updater.UpdateStatusAsync(Terminals[i % Terminals.Length]);
                    return (TaskState?)Terminals[i % Terminals.Length];
                }
                catch (InvalidTaskStateException error)
                {
                    Assert.True(error.CurrentState.IsTerminal());
                    return null;
                }
            })).ToArray();
            start.Set();
            TaskState?[] outcomes = await Task.WhenAll(writers);

            TaskState winner = Assert.Single(outcomes, o => o is not null)!.Value;
            AgentTask stored = await manager.GetTaskAsync(task.Id);
            Assert.Equal(winner, stored.Status.State);

            // The log holds exactly one terminal transition, and it is the last event.
            IReadOnlyList<TaskEventRecord> log = await manager.Store.ReadEventsAsync(task.Id, 0, 1000);
            Assert.Single(log, r => r.Event.StatusUpdate?.Status.State.IsTerminal() == true);
            Assert.Equal(3, log.Count);
        }
    }

    [Fact]
    public async Task Concurrent_progress_updates_are_all_kept_in_one_gapless_order()
    {
        TaskManager manager = NewManager();
        AgentTask task = await manager.CreateTaskAsync();
        await manager.UpdateStatusAsync(task.Id, TaskState.Working);
        Task<List<TaskEventRecord>> subscriber = CollectAsync(manager.SubscribeAsync(task.Id));

        await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() =>
            manager.AddArtifactAsync(task.Id, TextArtifact($"a{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture))))));
        await manager.UpdateStatusAsync(task.Id, TaskState.Completed);

        AgentTask stored = await manager.GetTaskAsync(task.Id);
        Assert.Equal(32, stored.Artifacts.Count);
        List<TaskEventRecord> events = await subscriber;
        Assert.Equal(Enumerable.Range(2, 34).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(stored, TaskProjection.Replay((await manager.Store.ReadEventsAsync(task.Id, 0, 1000)).Select(r => r.Event), manager.Lifecycle), new TaskJsonComparer());
    }
}
