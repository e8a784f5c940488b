using A2A.Storage.Conformance;
using A2A.Storage.PostgreSql;
using A2A.Testing;

namespace A2A.Storage.Tests;

/// <summary>The conformance suite against the PostgreSQL store, each test on a database of its own in the shared test cluster.</summary>
public sealed class PostgreSqlTaskStoreConformance : TaskStoreConformanceTests
{
    protected override async ValueTask<ITaskStore> CreateStoreAsync(TaskRetentionOptions retention, TimeProvider clock)
    {
        PostgresCluster cluster = await PostgresCluster.Shared;
        return new PostgreSqlTaskStore(
            new PostgreSqlTaskStoreOptions
            {
                ConnectionString = await cluster.CreateDatabaseAsync(),
                FinishedTaskTimeToLive = retention.FinishedTaskTimeToLive,
                MaxFinishedTasks = retention.MaxFinishedTasks,
                CompactFinishedTasks = retention.CompactFinishedTasks,
            },
            clock);
    }
}
