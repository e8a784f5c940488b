using A2A.Storage.Conformance;
using A2A.Storage.PostgreSql;
using A2A.Storage.Sqlite;
using A2A.Testing;

namespace A2A.Storage.Tests;

/// <summary>The run-lease suite against the SQLite store, each test on its own file.</summary>
public sealed class SqliteRunLeaseConformance : TaskRunLeaseConformanceTests
{
    private readonly TemporaryDirectory _files = new();

    protected override ValueTask<ITaskRunLeases> CreateLeasesAsync() =>
        ValueTask.FromResult<ITaskRunLeases>(new SqliteTaskStore($"Data Source={_files.NewFile("leases.db")}"));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _files.Dispose();
    }
}

/// <summary>The run-lease suite against the PostgreSQL store, each test on a database of its own.</summary>
public sealed class PostgreSqlRunLeaseConformance : TaskRunLeaseConformanceTests
{
    protected override async ValueTask<ITaskRunLeases> CreateLeasesAsync() =>
        new PostgreSqlTaskStore(await (await PostgresCluster.Shared).CreateDatabaseAsync());
}
