using A2A.Storage.Conformance;

namespace A2A.Storage.Tests;

/// <summary>The conformance suite against the in-memory store.</summary>
public sealed class InMemoryTaskStoreConformance : TaskStoreConformanceTests
{
    protected override ValueTask<ITaskStore> CreateStoreAsync(TaskRetentionOptions retention, TimeProvider clock) =>
        ValueTask.FromResult<ITaskStore>(new InMemoryTaskStore(
            new InMemoryTaskStoreOptions
            {
                FinishedTaskTimeToLive = retention.FinishedTaskTimeToLive,
                MaxFinishedTasks = retention.MaxFinishedTasks,
                CompactFinishedTasks = retention.CompactFinishedTasks,
            },
            clock));
}
