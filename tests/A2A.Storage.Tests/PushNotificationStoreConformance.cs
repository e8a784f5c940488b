using A2A.Storage.Conformance;
using A2A.Storage.PostgreSql;
using A2A.Storage.Sqlite;
using A2A.Testing;

namespace A2A.Storage.Tests;

/// <summary>The push notification store suite against the in-memory store.</summary>
public sealed class InMemoryPushNotificationStoreConformance : PushNotificationStoreConformanceTests
{
    protected override ValueTask<ITaskStore> CreateStoreAsync(TaskRetentionOptions retention) =>
        ValueTask.FromResult<ITaskStore>(new InMemoryTaskStore(new InMemoryTaskStoreOptions { MaxFinishedTasks = retention.MaxFinishedTasks }));
}

/// <summary>The push notification store suite against the SQLite store, each test on its own file.</summary>
public sealed class SqlitePushNotificationStoreConformance : PushNotificationStoreConformanceTests
{
    private readonly TemporaryDirectory _files = new();

    protected override ValueTask<ITaskStore> CreateStoreAsync(TaskRetentionOptions retention) =>
        ValueTask.FromResult<ITaskStore>(new SqliteTaskStore(new SqliteTaskStoreOptions
        {
            ConnectionString = $"Data Source={_files.NewFile("push.db")}",
            MaxFinishedTasks = retention.MaxFinishedTasks,
        }));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _files.Dispose();
    }
}

/// <summary>The push notification store suite against the PostgreSQL store, each test on a database of its own.</summary>
public sealed class PostgreSqlPushNotificationStoreConformance : PushNotificationStoreConformanceTests
{
    protected override async ValueTask<ITaskStore> CreateStoreAsync(TaskRetentionOptions retention) =>
        new PostgreSqlTaskStore(new PostgreSqlTaskStoreOptions
        {
            ConnectionString = await (await PostgresCluster.Shared).CreateDatabaseAsync(),
            MaxFinishedTasks = retention.MaxFinishedTasks,
        });
}
