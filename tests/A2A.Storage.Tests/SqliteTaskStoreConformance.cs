using A2A.Storage.Conformance;
using A2A.Storage.Sqlite;

namespace A2A.Storage.Tests;

/// <summary>The conformance suite against the SQLite store, each test on its own file.</summary>
public sealed class SqliteTaskStoreConformance : TaskStoreConformanceTests
{
    private readonly TemporaryDirectory _files = new();

    protected override ValueTask<ITaskStore> CreateStoreAsync(TaskRetentionOptions retention, TimeProvider clock) =>
        ValueTask.FromResult<ITaskStore>(new SqliteTaskStore(
            new SqliteTaskStoreOptions
            {
                ConnectionString = $"Data Source={_files.NewFile("tasks.db")}",
                FinishedTaskTimeToLive = retention.FinishedTaskTimeToLive,
                MaxFinishedTasks = retention.MaxFinishedTasks,
                CompactFinishedTasks = retention.CompactFinishedTasks,
            },
            clock));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _files.Dispose();
    }
}
