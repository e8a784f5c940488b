using A2A.Protocol;
using A2A.Storage;
using A2A.Tasks;
using BenchmarkDotNet.Attributes;

namespace A2A.Benchmarks;

/// <summary>
/// In-memory task updates through <see cref="TaskManager"/> with one live subscriber draining the task's stream.
/// Each invocation runs <see cref="Updates"/> updates on a fresh task and waits until the subscriber has seen the
/// terminal event, so the figure per operation includes delivery. Baseline: the same number of raw
/// compare-and-swap writes to the store (no lifecycle check, no projection, no subscriber), to show what the
/// manager adds on top of storage.
/// Every invocation uses a fresh store: a store that kept every benchmark task alive would measure the garbage
/// collector walking millions of retained events, not the update path.
/// </summary>
[MemoryDiagnoser]
public class TaskUpdateBenchmarks
{
    private const int Updates = 1000;
    private static readonly Part Chunk = Part.FromText("token ");

    [Benchmark(Baseline = true, OperationsPerInvoke = Updates)]
    public async Task<long> RawStoreCompareAndSwap()
    {
        var manager = new TaskManager(new InMemoryTaskStore());
        AgentTask task = await manager.CreateTaskAsync();
        var change = StreamResponse.From(new TaskStatusUpdateEvent { TaskId = task.Id, ContextId = task.ContextId!, Status = new AgentTaskStatus { State = TaskState.Working } });
        AgentTask working = task with { Status = change.StatusUpdate!.Status };
        long version = 1;
        for (int i = 0; i < Updates; i++)
        {
            version = (await manager.Store.UpdateAsync(working, version, change)).Version;
        }

        return version;
    }

    [Benchmark(OperationsPerInvoke = Updates)]
    public async Task<int> StatusUpdateWithOneSubscriber()
    {
        var manager = new TaskManager(new InMemoryTaskStore());
        AgentTask task = await manager.CreateTaskAsync();
        Task<int> subscriber = DrainAsync(manager, task.Id);
        for (int i = 0; i < Updates - 1; i++)
        {
            await manager.UpdateStatusAsync(task.Id, TaskState.Working);
        }

        await manager.UpdateStatusAsync(task.Id, TaskState.Completed);
        return await subscriber;
    }

    [Benchmark(OperationsPerInvoke = Updates)]
    public async Task<int> ArtifactChunkAppendWithOneSubscriber()
    {
        var manager = new TaskManager(new InMemoryTaskStore());
        AgentTask task = await manager.CreateTaskAsync();
        Task<int> subscriber = DrainAsync(manager, task.Id);
        TaskUpdater updater = manager.CreateUpdater(task);
        string id = await updater.AddArtifactAsync([Chunk], artifactId: "answer");
        for (int i = 1; i < Updates - 1; i++)
        {
            await updater.AddArtifactAsync([Chunk], artifactId: id, append: true);
        }

        await updater.AddArtifactAsync([Chunk], artifactId: id, append: true, lastChunk: true);
        await updater.CompleteAsync();
        return await subscriber;
    }

    private static async Task<int> DrainAsync(TaskManager manager, string taskId)
    {
        int seen = 0;
        await foreach (TaskEventRecord _ in manager.SubscribeAsync(taskId, new TaskSubscriptionOptions { AfterSequence = 1 }))
        {
            seen++;
        }

        return seen;
    }
}
