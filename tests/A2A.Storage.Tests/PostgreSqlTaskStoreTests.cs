using A2A.Errors;
using A2A.Protocol;
using A2A.Storage.PostgreSql;
using A2A.Tasks;
using A2A.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace A2A.Storage.Tests;

/// <summary>
/// What only a shared database store has to show: several instances on one database, a server that goes away and
/// comes back, schema versions, and bad options.
/// </summary>
public sealed class PostgreSqlTaskStoreTests
{
    // A hang detector for waits that must end, not a timing assert.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_subscriber_on_one_instance_gets_every_event_written_on_another_in_order()
    {
        string database = await (await PostgresCluster.Shared).CreateDatabaseAsync();

        // Polling so slow that only a notification can wake the subscriber in time.
        await using var a = new PostgreSqlTaskStore(new PostgreSqlTaskStoreOptions { ConnectionString = database, PollInterval = TimeSpan.FromHours(1) });
        await using var b = new PostgreSqlTaskStore(new PostgreSqlTaskStoreOptions { ConnectionString = database, PollInterval = TimeSpan.FromHours(1) });
        await b.InitializeAsync();
        var onA = new TaskManager(a);
        AgentTask task = await onA.CreateTaskAsync(Message.FromUser("go"));

        var received = new List<TaskEventRecord>();
        Task following = Task.Run(async () =>
        {
            await foreach (TaskEventRecord record in new TaskManager(b).SubscribeAsync(task.Id, new TaskSubscriptionOptions { AfterSequence = 0 }))
            {
                received.Add(record);
            }
        });

        TaskUpdater updater = onA.CreateUpdater(task);
        await updater.StartWorkAsync();
        for (int i = 0; i < 20; i++)
        {
            await updater.AddArtifactAsync([Part.FromText($"chunk {i} ")], "stream", append: i > 0);
        }

        await updater.CompleteAsync();
        await following.WaitAsync(Hang);

        Assert.Equal(Enumerable.Range(1, 23).Select(i => (long)i), received.Select(r => r.Sequence));
        Assert.Equal(TaskState.Completed, received[^1].Event.StatusUpdate!.Status.State);
    }

    [Fact]
    public async Task A_task_id_too_long_to_notify_still_wakes_subscribers_on_other_instances()
    {
        string database = await (await PostgresCluster.Shared).CreateDatabaseAsync();
        await using var a = new PostgreSqlTaskStore(database);
        await using var b = new PostgreSqlTaskStore(new PostgreSqlTaskStoreOptions { ConnectionString = database, PollInterval = TimeSpan.FromHours(1) });
        string id = string.Concat(Enumerable.Range(0, 40).Select(_ => Guid.NewGuid().ToString("N"))); // past the notified length
        var onA = new TaskManager(a);
        await onA.CreateTaskAsync(taskId: id);

        Task waiting = b.WaitForEventsAsync(id, 1).AsTask();
        await onA.UpdateStatusAsync(id, TaskState.Working);
        await waiting.WaitAsync(Hang);
    }

    [Fact]
    public async Task A_task_id_longer_than_the_index_holds_is_refused_as_invalid_params()
    {
        await using var store = new PostgreSqlTaskStore(await (await PostgresCluster.Shared).CreateDatabaseAsync());
        string id = string.Concat(Enumerable.Range(0, 100).Select(_ => Guid.NewGuid().ToString("N")));
        InvalidParamsException refused = await Assert.ThrowsAsync<InvalidParamsException>(async () => await new TaskManager(store).CreateTaskAsync(taskId: id));
        Assert.Contains("2000 bytes", refused.Message, StringComparison.Ordinal);
        Assert.Null(await store.GetAsync(id)); // looking one up is fine
    }

    [Fact]
    public async Task Instances_racing_on_one_task_never_both_win()
    {
        string database = await (await PostgresCluster.Shared).CreateDatabaseAsync();
        PostgreSqlTaskStore[] instances = Enumerable.Range(0, 4).Select(_ => new PostgreSqlTaskStore(database)).ToArray();
        try
        {
            await Task.WhenAll(instances.Select(i => i.InitializeAsync())); // four instances create the schema at once
            AgentTask task = await new TaskManager(instances[0]).CreateTaskAsync();

            // Each instance appends 25 messages through its own manager; every write must land exactly once.
            await Task.WhenAll(instances.Select((store, n) => Task.Run(async () =>
            {
                var manager = new TaskManager(store);
                for (int i = 0; i < 25; i++)
                {
                    await manager.UpdateWithMessageAsync(task.Id, Message.FromUser($"{n}-{i}"));
                }
            })));

            StoredTask stored = (await instances[3].GetAsync(task.Id))!;
            Assert.Equal(101, stored.Version);
            Assert.Equal(100, stored.Task.History.Count(m => m.Parts[0].Text!.Contains('-', StringComparison.Ordinal)));
        }
        finally
        {
            foreach (PostgreSqlTaskStore store in instances)
            {
                await store.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_server_that_goes_away_is_a_clear_error_and_the_store_recovers_when_it_returns()
    {
        await using PostgresCluster cluster = await PostgresCluster.StartAsync();
        string database = await cluster.CreateDatabaseAsync();
        await using var store = new PostgreSqlTaskStore(new PostgreSqlTaskStoreOptions { ConnectionString = database, PollInterval = TimeSpan.FromHours(1) });
        var manager = new TaskManager(store);
        AgentTask task = await manager.CreateTaskAsync();

        await cluster.KillServerAsync();
        TaskStoreException refused = await Assert.ThrowsAsync<TaskStoreException>(() => manager.UpdateStatusAsync(task.Id, TaskState.Working));
        Assert.Contains($"127.0.0.1:{cluster.Port}", refused.Message, StringComparison.Ordinal);
        Assert.Equal(A2AErrorCodes.InternalError, refused.Code);

        await cluster.StartServerAsync();

        // A subscriber waiting across the outage is woken by the listener's reconnection, not by polling.
        Task waiting = store.WaitForEventsAsync(task.Id, 1).AsTask();
        await using (var other = new PostgreSqlTaskStore(database))
        {
            await new TaskManager(other).UpdateStatusAsync(task.Id, TaskState.Working);
        }

        await waiting.WaitAsync(Hang);
        Assert.Equal(TaskState.Working, (await manager.GetTaskAsync(task.Id)).Status.State);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_store_error_naming_it()
    {
        int closedPort;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        await using var store = new PostgreSqlTaskStore($"Host=127.0.0.1;Port={closedPort};Username=nobody;Timeout=5");
        TaskStoreException refused = await Assert.ThrowsAsync<TaskStoreException>(() => store.InitializeAsync());
        Assert.Contains($"127.0.0.1:{closedPort}", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<TaskStoreException>(async () => await store.GetAsync("t1"));
    }

    [Fact]
    public async Task A_database_from_before_task_owners_is_upgraded_in_place_keeping_its_tasks()
    {
        string database = await (await PostgresCluster.Shared).CreateDatabaseAsync();
        string id;
        await using (var store = new PostgreSqlTaskStore(database))
        {
            id = (await new TaskManager(store).CreateTaskAsync(Message.FromUser("old"))).Id;
        }

        // What version 2 of the schema left: no owner column (nor the later push configuration version).
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var downgrade = new NpgsqlCommand(
                "DROP INDEX a2a_tasks_by_owner; ALTER TABLE a2a_tasks DROP COLUMN task_owner; ALTER TABLE a2a_push_configs DROP COLUMN protocol_version; UPDATE a2a_schema SET version = 2;", connection);
            await downgrade.ExecuteNonQueryAsync();
        }

        await using var upgraded = new PostgreSqlTaskStore(database);
        Assert.Equal("", (await upgraded.GetAsync(id))!.Owner); // tasks from before owners belong to nobody
        await upgraded.CreateAsync(new AgentTask { Id = "mine", ContextId = "c", Status = new AgentTaskStatus { State = TaskState.Submitted } }, "alice");
        Assert.Equal(["mine"], (await upgraded.ListAsync(new TaskQuery { Owner = "alice" })).Tasks.Select(t => t.Id));
    }

    [Fact]
    public async Task A_database_from_a_newer_store_is_refused_with_what_to_do()
    {
        string database = await (await PostgresCluster.Shared).CreateDatabaseAsync();
        await using (var store = new PostgreSqlTaskStore(database))
        {
            await store.InitializeAsync();
        }

        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var bump = new NpgsqlCommand("UPDATE a2a_schema SET version = 99;", connection);
            await bump.ExecuteNonQueryAsync();
        }

        await using var newer = new PostgreSqlTaskStore(database);
        TaskStoreException refused = await Assert.ThrowsAsync<TaskStoreException>(() => newer.InitializeAsync());
        Assert.Contains("schema version 99", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Upgrade the package", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "needs a connection string")]
    [InlineData("Database=agents", "names no server")]
    [InlineData("Hots=db", "not valid")]
    public void Bad_connection_strings_are_refused_with_a_reason(string connectionString, string reason)
    {
        ArgumentException refused = Assert.ThrowsAny<ArgumentException>(() => new PostgreSqlTaskStore(connectionString));
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_numbers_are_refused_at_registration()
    {
        var services = new ServiceCollection();
        Assert.Throws<ArgumentOutOfRangeException>(() => services.AddPostgreSqlTaskStore("Host=db", o => o with { PollInterval = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => services.AddPostgreSqlTaskStore("Host=db", o => o with { ListenKeepAlive = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => services.AddPostgreSqlTaskStore("Host=db", o => o with { MaxFinishedTasks = -1 }));
    }

    [Fact]
    public async Task The_registration_replaces_the_in_memory_default()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ITaskStore, InMemoryTaskStore>(); // what Add{Name}Agent() adds when no store is registered
        services.AddPostgreSqlTaskStore("Host=127.0.0.1;Database=agents");
        await using ServiceProvider provider = services.BuildServiceProvider();

        Assert.IsType<PostgreSqlTaskStore>(provider.GetRequiredService<ITaskStore>());
        Assert.Single(services, d => d.ServiceType == typeof(ITaskStore));
    }
}
