using System.Text.Json;
using A2A.Client;
using A2A.Errors;
using A2A.Json;
using A2A.Protocol;
using Microsoft.Data.Sqlite;
using A2A.Testing;
using FsCheck;
using FsCheck.Fluent;
using Npgsql;

namespace A2A.Storage.Tests.Server;

/// <summary>
/// Nothing the toolkit stores is unreadable afterwards: values at the edges of ProtoJSON (empty text, empty data, bytes
/// without content, metadata of every JSON kind) come back exactly from every store over every binding and version, a
/// refused request leaves nothing behind, and one row that cannot be read (damaged, or written by another version)
/// fails only what asks for that task, with a server error that names it.
/// </summary>
public sealed class StoredDataTests
{
    public static TheoryData<string, string, string> StoresBindingsVersions()
    {
        var data = new TheoryData<string, string, string>();
        foreach (string store in StoreServer.Stores.Split(' '))
        {
            foreach (string binding in new[] { ProtocolBindings.JsonRpc, ProtocolBindings.HttpJson })
            {
                foreach (string version in new[] { "1.0", "0.3" })
                {
                    data.Add(store, binding, version);
                }
            }
        }

        return data;
    }

    public static TheoryData<string, string> DurableStoresAndBindings() => new()
    {
        { "sqlite", ProtocolBindings.JsonRpc },
        { "sqlite", ProtocolBindings.HttpJson },
        { "postgres", ProtocolBindings.JsonRpc },
        { "postgres", ProtocolBindings.HttpJson },
    };

    [Theory]
    [MemberData(nameof(StoresBindingsVersions))]
    public async Task Edge_values_come_back_exactly_through_send_stream_get_and_list(string store, string binding, string version)
    {
        await using StoreServer server = await StoreServer.StartAsync(store);
        A2AClient client = await server.ClientAsync(binding, version);
        Part[] parts =
        [
            Part.FromText(""),
            Part.FromText("plain"),
            Part.FromData(JsonDocument.Parse("{}").RootElement),
            Part.FromData(JsonDocument.Parse("""{"n":0,"f":false,"s":"","z":null,"a":[],"o":{}}""").RootElement),
            Part.FromRaw([], "application/octet-stream", "empty.bin"),
            Part.FromUrl("https://example.com/a.png", "image/png"),
        ];
        var metadata = new Dictionary<string, JsonElement> { ["kinds"] = JsonDocument.Parse("""{"n":1.5,"t":true,"s":"","z":null,"a":[1,"x"],"o":{"k":[]}}""").RootElement };
        Message sent = Message.FromUser(parts) with { Metadata = metadata };

        SendMessageResponse blocking = await client.SendMessageAsync(new SendMessageRequest { Message = sent });
        AgentTask completed = Assert.IsType<AgentTask>(blocking.Task);
        Assert.Equal(TaskState.Completed, completed.Status.State);
        AssertEchoed(parts, completed);

        var streamed = new List<StreamResponse>();
        await foreach (StreamResponse change in client.SendStreamingMessageAsync(new SendMessageRequest { Message = sent with { MessageId = Guid.NewGuid().ToString() } }))
        {
            streamed.Add(change);
        }

        Assert.Equal(TaskState.Completed, streamed[^1].StatusUpdate!.Status.State);
        Assert.Equal(Json(parts), Json(streamed[^1].StatusUpdate!.Status.Message!.Parts));

        AgentTask read = await client.GetTaskAsync(completed.Id);
        AssertEchoed(parts, read);
        Assert.Equal(Json(metadata), Json(read.History[0].Metadata!));

        if (version == "1.0")
        {
            ListTasksResponse listed = await client.ListTasksAsync(new ListTasksRequest { IncludeArtifacts = true });
            Assert.Equal(2, listed.Tasks.Count);
            Assert.All(listed.Tasks, task => AssertEchoed(parts, task));
        }
    }

    [Theory]
    [MemberData(nameof(StoresBindingsVersions))]
    public async Task Any_message_the_toolkit_makes_comes_back_exactly_from_the_stored_task(string store, string binding, string version)
    {
        // Generated messages (ModelGenerators: empty text, empty data, files with and without bytes, metadata of every
        // JSON kind) sent through the client, stored, echoed by the agent, and read back through the client.
        await using StoreServer server = await StoreServer.StartAsync(store);
        A2AClient client = await server.ClientAsync(binding, version);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(25), Prop.ForAll(ModelGenerators.UserMessage.ToArbitrary(), generated =>
        {
            Message sent = version == "0.3" ? ModelGenerators.AsV03Holds(generated) : generated;
            AgentTask task = client.SendMessageAsync(new SendMessageRequest { Message = sent }).GetAwaiter().GetResult().Task!;
            AgentTask read = client.GetTaskAsync(task.Id).GetAwaiter().GetResult();
            foreach (AgentTask answer in new[] { task, read })
            {
                AssertEchoed(sent.Parts.ToArray(), answer);
                Message first = answer.History[0];
                Assert.Equal((sent.MessageId, Json(sent.Metadata)), (first.MessageId, Json(first.Metadata)));
            }

            return true;
        }));
    }

    [Theory]
    [MemberData(nameof(StoresBindingsVersions))]
    public async Task A_refused_request_leaves_no_task_behind(string store, string binding, string version)
    {
        await using StoreServer server = await StoreServer.StartAsync(store);
        A2AClient client = await server.ClientAsync(binding, version);
        Message valid = Message.FromUser("hello");

        // Each is refused before anything is stored: an agent's message, a negative history length, a follow-up of an
        // unknown task, a push configuration for an agent without push notifications.
        await Assert.ThrowsAnyAsync<A2AException>(() => client.SendMessageAsync(new SendMessageRequest { Message = valid with { Role = Role.Agent } }));
        await Assert.ThrowsAnyAsync<A2AException>(() => client.SendMessageAsync(new SendMessageRequest { Message = valid, Configuration = new SendMessageConfiguration { HistoryLength = -1 } }));
        await Assert.ThrowsAnyAsync<A2AException>(() => client.SendMessageAsync(new SendMessageRequest { Message = valid with { TaskId = "no-such-task" } }));
        await Assert.ThrowsAnyAsync<A2AException>(() => client.SendMessageAsync(new SendMessageRequest
        {
            Message = valid,
            Configuration = new SendMessageConfiguration { TaskPushNotificationConfig = new TaskPushNotificationConfig { Url = "https://example.com/hook" } },
        }));

        Assert.Empty((await server.Store.ListAsync(new TaskQuery())).Tasks);
    }

    [Theory]
    [MemberData(nameof(DurableStoresAndBindings))]
    public async Task A_damaged_row_is_left_out_of_lists_and_get_names_it_as_a_server_error(string store, string binding)
    {
        await using StoreServer server = await StoreServer.StartAsync(store);
        A2AClient client = await server.ClientAsync(binding, "1.0");
        var ids = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            ids.Add((await client.SendMessageAsync(new SendMessageRequest { Message = Message.FromUser($"task {i}") })).Task!.Id);
        }

        string damaged = ids[2];
        await DamageAsync(server, damaged);

        // Every page is served without it, and paging walks past it.
        var listed = new List<string>();
        string? token = null;
        do
        {
            ListTasksResponse page = await client.ListTasksAsync(new ListTasksRequest { PageSize = 2, PageToken = token });
            listed.AddRange(page.Tasks.Select(t => t.Id));
            token = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(token));

        Assert.Equal(ids.Where(id => id != damaged).Order(), listed.Order());
        Assert.Contains(server.Warnings, w => w.Contains(damaged, StringComparison.Ordinal));

        // The damaged task itself: a server error that names it, never invalid params blaming the caller.
        A2AException error = await Assert.ThrowsAnyAsync<A2AException>(() => client.GetTaskAsync(damaged));
        Assert.Equal(A2AErrorCodes.InternalError, error.Code);
        Assert.Contains(damaged, error.Message, StringComparison.Ordinal);

        // The others are untouched.
        Assert.Equal(TaskState.Completed, (await client.GetTaskAsync(ids[3])).Status.State);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_damaged_event_fails_only_that_tasks_log_naming_task_and_event(string store)
    {
        await using StoreServer server = await StoreServer.StartAsync(store);
        A2AClient client = await server.ClientAsync(ProtocolBindings.JsonRpc, "1.0");
        string damaged = (await client.SendMessageAsync(new SendMessageRequest { Message = Message.FromUser("a") })).Task!.Id;
        string other = (await client.SendMessageAsync(new SendMessageRequest { Message = Message.FromUser("b") })).Task!.Id;
        await ExecuteAsync(server, "UPDATE a2a_events SET event = '{\"statusUpdate\":' WHERE task_id = @id AND seq = 2", damaged);

        TaskStoreException unreadable = await Assert.ThrowsAsync<TaskStoreException>(async () => await server.Store.ReadEventsAsync(damaged, 0, 10));
        Assert.Contains($"event 2 of task {damaged}", unreadable.Message, StringComparison.Ordinal);
        Assert.NotEmpty(await server.Store.ReadEventsAsync(other, 0, 10));
    }

    private static async Task DamageAsync(StoreServer server, string taskId) =>
        await ExecuteAsync(server, "UPDATE a2a_tasks SET task = '{\"id\":' WHERE id = @id", taskId);

    private static async Task ExecuteAsync(StoreServer server, string sql, string taskId)
    {
        if (server.Kind == "sqlite")
        {
            await using var connection = new SqliteConnection(server.ConnectionString);
            await connection.OpenAsync();
            await using var command = new SqliteCommand(sql.Replace("@id", "$id", StringComparison.Ordinal), connection);
            command.Parameters.AddWithValue("$id", taskId);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        else
        {
            await using var connection = new NpgsqlConnection(server.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("id", taskId);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
    }

    private static void AssertEchoed(Part[] parts, AgentTask task)
    {
        Assert.Equal(Json(parts), Json(task.Status.Message!.Parts));
        Artifact artifact = Assert.Single(task.Artifacts);
        Assert.Equal(Json(parts.Append(Part.FromText(""))), Json(artifact.Parts));
    }

    private static string Json(IEnumerable<Part> parts) => JsonSerializer.Serialize(parts.Select(A2AJson.Serialize<Part>));

    private static string Json(IReadOnlyDictionary<string, JsonElement>? metadata) => metadata is null ? "(none)" : A2AJson.Serialize(metadata);
}
