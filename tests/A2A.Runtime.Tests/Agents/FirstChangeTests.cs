using A2A.Agents;
using A2A.Lifecycle;
using A2A.Storage;
using A2A.Tasks;
using static A2A.Runtime.Tests.TestModel;

namespace A2A.Runtime.Tests.Agents;

/// <summary>
/// A turn's first change creates its task in the same write. Racing first changes create it once and each change is
/// applied once, in the log's order; a first change the lifecycle refuses stores nothing; a reply after it is refused.
/// </summary>
public class FirstChangeTests
{
    [Fact]
    public async Task Racing_first_changes_create_the_task_once_and_apply_every_change()
    {
        for (int round = 0; round < 50; round++)
        {
            var manager = NewManager();
            AgentTurn turn = await AgentRunner.AcceptAsync(manager, UserMessage("go"));
            await AgentRunner.RunHandlerAsync(turn, async (_, _, updater, token) =>
            {
                // Eight updates start before any is stored: one creates the task, the others wait and follow it.
                await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => updater.AddArtifactAsync([Part.FromText($"chunk {i}")], $"a{i}", cancellationToken: token), token)));
                await updater.CompleteAsync(cancellationToken: token);
            });

            StoredTask stored = (await manager.Store.GetAsync(turn.Task.Id))!;
            IReadOnlyList<TaskEventRecord> log = await manager.Store.ReadEventsAsync(turn.Task.Id, 0, 100);
            Assert.Equal(TaskState.Completed, stored.Task.Status.State);
            Assert.Equal(8, stored.Task.Artifacts.Count);
            Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), log.Select(e => e.Sequence)); // snapshot, 8 artifacts, completion
            Assert.Equal(StreamResponseKind.Task, log[0].Event.Kind);
            Assert.Equal(TaskState.Submitted, log[0].Event.Task!.Status.State);
        }
    }

    [Fact]
    public async Task A_first_change_the_lifecycle_refuses_stores_nothing_and_the_runner_fails_the_task()
    {
        var manager = NewManager(TaskLifecycle.For(OptionalTaskStates.None)); // input-required is not declared
        AgentTurn turn = await AgentRunner.AcceptAsync(manager, UserMessage("go"));
        InvalidTaskStateException? refused = null;
        var versionsSeen = new List<long?>();

        SendMessageResponse answer = await AgentRunner.RunHandlerAsync(turn, async (_, _, updater, token) =>
        {
            refused = await Assert.ThrowsAsync<InvalidTaskStateException>(() => updater.RequireInputAsync(cancellationToken: token));
            versionsSeen.Add((await manager.Store.GetAsync(turn.Task.Id))?.Version);
        });

        Assert.NotNull(refused);
        Assert.Equal([null], versionsSeen); // nothing was stored by the refused change
        Assert.Equal(TaskState.Failed, answer.Task!.Status.State); // the handler returned without answering
    }

    [Fact]
    public async Task A_reply_after_the_first_change_is_refused_and_the_task_stands()
    {
        var manager = NewManager();
        AgentTurn turn = await AgentRunner.AcceptAsync(manager, UserMessage("go"));
        InvalidOperationException? late = null;

        SendMessageResponse answer = await AgentRunner.RunHandlerAsync(turn, async (_, _, updater, token) =>
        {
            await updater.CompleteAsync(cancellationToken: token);
            late = await Assert.ThrowsAsync<InvalidOperationException>(() => updater.ReplyAsync("too late", token));
        });

        Assert.NotNull(late);
        Assert.Equal(TaskState.Completed, answer.Task!.Status.State);
        Assert.Equal(2, (await manager.Store.GetAsync(turn.Task.Id))!.Version);
    }
}
