using A2A.Json;
using A2A.Storage.PostgreSql;
using A2A.Storage.Sqlite;
using A2A.Tasks;
using A2A.Testing;

namespace A2A.Storage.Tests;

/// <summary>The durable stores the crash tests run against ("sqlite", "postgres"), and what every crash must leave behind.</summary>
internal static class DurableStores
{
    /// <summary>A fresh, empty store's connection string: a new file, or a new database in the shared test cluster.</summary>
    public static async Task<string> NewConnectionStringAsync(string kind, TemporaryDirectory files) =>
        kind == "sqlite" ? $"Data Source={files.NewFile("crash.db")}" : await (await PostgresCluster.Shared).CreateDatabaseAsync("crash");

    /// <summary>Opens the store; the caller disposes it.</summary>
    public static ITaskStore Open(string kind, string connectionString) =>
        kind == "sqlite" ? new SqliteTaskStore(connectionString) : new PostgreSqlTaskStore(connectionString);

    /// <summary>No torn task: the log is contiguous from 1 to the task's version and replays to the stored task.</summary>
    public static async Task<StoredTask> AssertLogReplaysToStoredTaskAsync(ITaskStore store, string taskId)
    {
        StoredTask stored = (await store.GetAsync(taskId))!;
        IReadOnlyList<TaskEventRecord> log = await store.ReadEventsAsync(taskId, 0, 100_000);
        Assert.Equal(Enumerable.Range(1, (int)stored.Version).Select(i => (long)i), log.Select(e => e.Sequence));
        var replayed = new ClientTaskManager();
        foreach (TaskEventRecord record in log)
        {
            replayed.SaveTaskEvent(record.Event);
        }

        Assert.Equal(A2AJson.Serialize(stored.Task), A2AJson.Serialize(replayed.GetTaskOrThrow()));
        return stored;
    }
}
