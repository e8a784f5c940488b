using A2A.Errors;
using A2A.Protocol;
using A2A.Storage.Sqlite;
using A2A.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace A2A.Storage.Tests;

/// <summary>What only a file-backed store has to show: restarts, schema versions, group commit, other writers, bad files and options.</summary>
public sealed class SqliteTaskStoreTests : IDisposable
{
    private readonly TemporaryDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Tasks_and_their_logs_survive_a_restart()
    {
        string connection = $"Data Source={_files.NewFile("restart.db")}";
        string id;
        string json;
        await using (var first = new SqliteTaskStore(connection))
        {
            var manager = new TaskManager(first);
            AgentTask task = await manager.CreateTaskAsync(Message.FromUser("remember me"));
            TaskUpdater updater = manager.CreateUpdater(task);
            await updater.StartWorkAsync();
            await updater.AddArtifactAsync([Part.FromText("kept")], "a1", lastChunk: true);
            id = task.Id;
            json = A2A.Json.A2AJson.Serialize(await manager.GetTaskAsync(id));
        }

        await using var second = new SqliteTaskStore(connection);
        var again = new TaskManager(second);
        Assert.Equal(json, A2A.Json.A2AJson.Serialize(await again.GetTaskAsync(id)));
        Assert.Equal([1L, 2L, 3L], (await second.ReadEventsAsync(id, 0, 10)).Select(e => e.Sequence));
        Assert.Equal([id], (await second.ListAsync(new TaskQuery())).Tasks.Select(t => t.Id));

        // The task goes on where it was: a subscriber resumes after event 2, and the next write continues the log.
        await again.UpdateStatusAsync(id, TaskState.Completed);
        var resumed = new List<long>();
        await foreach (TaskEventRecord record in again.SubscribeAsync(id, new TaskSubscriptionOptions { AfterSequence = 2 }))
        {
            resumed.Add(record.Sequence);
        }

        Assert.Equal([3L, 4L], resumed);
    }

    [Fact]
    public async Task Writes_queued_during_a_commit_share_the_next_one()
    {
        await using var store = new SqliteTaskStore($"Data Source={_files.NewFile("group.db")}");
        AgentTask[] tasks = [.. Enumerable.Range(0, 16).Select(i => new AgentTask { Id = $"t{i}", ContextId = "c", Status = new AgentTaskStatus { State = TaskState.Submitted } })];
        foreach (AgentTask task in tasks)
        {
            await store.CreateAsync(task);
        }

        // While a commit runs (held here), sixteen writers queue; the commit after it takes them all at once.
        long before = store.Commits;
        Task<StoredTask>[] writes;
        using (store.PauseCommits())
        {
            writes = [.. tasks.Select(task => Task.Run(async () =>
            {
                AgentTask working = task with { Status = new AgentTaskStatus { State = TaskState.Working } };
                return await store.UpdateAsync(working, 1, StreamResponse.From(new TaskStatusUpdateEvent { TaskId = task.Id, ContextId = "c", Status = working.Status }));
            }))];
            DateTime deadline = DateTime.UtcNow.AddSeconds(30); // a hang detector, not a timing assert
            while (store.QueuedWrites < tasks.Length)
            {
                Assert.True(DateTime.UtcNow < deadline, $"only {store.QueuedWrites} writes queued");
                await Task.Delay(1);
            }
        }

        StoredTask[] written = await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(written, stored => Assert.Equal(2, stored.Version));
        Assert.Equal(1, store.Commits - before);
    }

    [Fact]
    public async Task Every_write_of_many_racing_writers_is_committed_and_none_is_left_waiting()
    {
        // The committer hands over to the next one whenever its own write is done: a write queued at that moment
        // must still be committed (a hang here means one was left behind).
        await using var store = new SqliteTaskStore(new SqliteTaskStoreOptions { ConnectionString = $"Data Source={_files.NewFile("race.db")}" });
        var manager = new TaskManager(store);
        TaskUpdater[] updaters = await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ => manager.CreateUpdater(await manager.CreateTaskAsync())));

        await Task.WhenAll(updaters.Select(updater => Task.Run(async () =>
        {
            for (int i = 0; i < 100; i++)
            {
                await updater.StartWorkAsync();
            }
        }))).WaitAsync(TimeSpan.FromMinutes(2));

        foreach (TaskUpdater updater in updaters)
        {
            Assert.Equal(101, (await store.GetAsync(updater.TaskId))!.Version);
        }
    }

    [Fact]
    public async Task A_write_from_another_store_on_the_same_file_reaches_a_waiting_subscriber()
    {
        string connection = $"Data Source={_files.NewFile("shared.db")}";
        await using var reader = new SqliteTaskStore(new SqliteTaskStoreOptions { ConnectionString = connection, PollInterval = TimeSpan.FromMilliseconds(50) });
        await using var writer = new SqliteTaskStore(connection);
        StoredTask created = await writer.CreateAsync(new AgentTask { Id = "t1", ContextId = "c", Status = new AgentTaskStatus { State = TaskState.Submitted } });

        Task waiting = reader.WaitForEventsAsync("t1", 1).AsTask();
        var working = new AgentTask { Id = "t1", ContextId = "c", Status = new AgentTaskStatus { State = TaskState.Working } };
        await writer.UpdateAsync(working, created.Version, StreamResponse.From(new TaskStatusUpdateEvent { TaskId = "t1", ContextId = "c", Status = working.Status }));

        await waiting.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(2, (await reader.GetAsync("t1"))!.Version);
    }

    [Fact]
    public async Task A_file_from_the_first_version_is_upgraded_in_place_keeping_its_tasks()
    {
        string path = _files.NewFile("v1.db");
        string id;
        await using (var store = new SqliteTaskStore($"Data Source={path}"))
        {
            id = (await new TaskManager(store).CreateTaskAsync(Message.FromUser("old"))).Id;
        }

        // What the first version of the store left: no lease or push tables, schema version 1.
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var downgrade = new SqliteCommand(
                "DROP INDEX a2a_tasks_by_owner; ALTER TABLE a2a_tasks DROP COLUMN task_owner; DROP TABLE a2a_leases; DROP TABLE a2a_push_configs; DROP TABLE a2a_push_claims; UPDATE a2a_schema SET version = 1;", connection);
            downgrade.ExecuteNonQuery();
        }

        await using var upgraded = new SqliteTaskStore($"Data Source={path}");
        Assert.NotNull(await upgraded.GetAsync(id));
        Assert.Equal("", (await upgraded.GetAsync(id))!.Owner); // tasks from before owners belong to nobody
        Assert.True(await upgraded.TryAcquireLeaseAsync(id, "me", TimeSpan.FromMinutes(1)));
        await upgraded.SavePushConfigAsync(new TaskPushNotificationConfig { TaskId = id, Id = "c", Url = "https://hooks.example/" }, 0, 10);
        using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        using var version = new SqliteCommand("SELECT version FROM a2a_schema;", check);
        Assert.Equal(5L, version.ExecuteScalar());
    }

    [Fact]
    public async Task A_file_from_a_newer_store_is_refused_with_what_to_do()
    {
        string path = _files.NewFile("newer.db");
        await (new SqliteTaskStore($"Data Source={path}")).DisposeAsync();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var bump = new SqliteCommand("UPDATE a2a_schema SET version = 99;", connection);
            bump.ExecuteNonQuery();
        }

        TaskStoreException refused = Assert.Throws<TaskStoreException>(() => new SqliteTaskStore($"Data Source={path}"));
        Assert.Contains("schema version 99", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Upgrade the package", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_a_store_error_naming_the_file()
    {
        string path = _files.NewFile("garbage.db");
        File.WriteAllText(path, new string('x', 4096));

        TaskStoreException refused = Assert.Throws<TaskStoreException>(() => new SqliteTaskStore($"Data Source={path}"));
        Assert.Contains(path, refused.Message, StringComparison.Ordinal);
        Assert.Equal(A2AErrorCodes.InternalError, refused.Code);
    }

    [Theory]
    [InlineData("", "needs a connection string")]
    [InlineData("Data Source=:memory:", "needs a file")]
    [InlineData("Data Source=x.db;Mode=Memory", "needs a file")]
    [InlineData("Data Source=x.db;Mode=ReadOnly", "read-only")]
    [InlineData("Data Sauce=x.db", "not valid")]
    public void Bad_connection_strings_are_refused_with_a_reason(string connectionString, string reason)
    {
        ArgumentException refused = Assert.ThrowsAny<ArgumentException>(() => new SqliteTaskStore(connectionString));
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_numbers_are_refused_at_registration()
    {
        var services = new ServiceCollection();
        Assert.Throws<ArgumentOutOfRangeException>(() => services.AddSqliteTaskStore("Data Source=x.db", o => o with { MaxWritesPerCommit = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => services.AddSqliteTaskStore("Data Source=x.db", o => o with { FinishedTaskTimeToLive = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => services.AddSqliteTaskStore("Data Source=x.db", o => o with { PollInterval = TimeSpan.Zero }));
    }

    [Fact]
    public async Task The_registration_replaces_the_in_memory_default_in_either_order()
    {
        string path = _files.NewFile("di.db");
        var services = new ServiceCollection();
        services.AddSingleton<ITaskStore, InMemoryTaskStore>(); // what Add{Name}Agent() adds when no store is registered
        services.AddSqliteTaskStore($"Data Source={path}", o => o with { Durability = SqliteDurability.Normal });
        await using ServiceProvider provider = services.BuildServiceProvider();

        Assert.IsType<SqliteTaskStore>(provider.GetRequiredService<ITaskStore>());
        Assert.Single(services, d => d.ServiceType == typeof(ITaskStore));
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task A_disposed_store_refuses_writes_clearly()
    {
        var store = new SqliteTaskStore($"Data Source={_files.NewFile("disposed.db")}");
        await store.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await store.CreateAsync(new AgentTask { Id = "t", ContextId = "c", Status = new AgentTaskStatus { State = TaskState.Submitted } }));
    }
}
