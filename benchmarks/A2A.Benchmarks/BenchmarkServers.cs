using System.Text.Json;
using A2A.Json;
using A2A.Protocol;
using A2A.Storage.PostgreSql;
using A2A.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace A2A.Benchmarks;

/// <summary>
/// The server processes of the wire and server benchmarks (each prints "listening PORT" and serves until its standard
/// input closes), and the request bodies the benchmarks send them.
/// </summary>
internal static class BenchmarkServers
{
    /// <summary>The text <see cref="TrivialAgent"/> answers with a direct reply instead of a task.</summary>
    public const string DirectReplyText = "reply";

    /// <summary>A SendMessage whose task the trivial agent completes at once.</summary>
    public static string SendMessageBody(int n) => Body("SendMessage", n, "hello");

    /// <summary>A SendStreamingMessage whose task the trivial agent completes at once.</summary>
    public static string SendStreamingMessageBody(int n) => Body("SendStreamingMessage", n, "hello");

    /// <summary>A SendMessage the trivial agent answers with a direct reply.</summary>
    public static string DirectReplyBody(int n) => Body("SendMessage", n, DirectReplyText);

    /// <summary>
    /// Serves <see cref="TrivialAgent"/> at /a2a over a task store: "memory" (every task kept, the default),
    /// "memory-retained" (finished tasks beyond a thousand removed), "sqlite-full" and "sqlite-normal" (a new
    /// file; its durability), or "postgres" (the database of <paramref name="connectionString"/>).
    /// </summary>
    public static async Task ServeTrivialAsync(string store, string? connectionString)
    {
        WebApplicationBuilder builder = NewBuilder();
        builder.Services.AddTrivialAgent();
        switch (store)
        {
            case "memory":
                break;
            case "memory-retained":
                // What a long-running in-memory server is configured with: finished tasks beyond a thousand go.
                builder.Services.AddSingleton<A2A.Storage.ITaskStore>(new A2A.Storage.InMemoryTaskStore(new A2A.Storage.InMemoryTaskStoreOptions { MaxFinishedTasks = 1000 }));
                break;
            case "sqlite-full" or "sqlite-normal":
                builder.Services.AddSqliteTaskStore(
                    connectionString ?? $"Data Source={Path.Combine(Path.GetTempPath(), $"a2a-bench-{Guid.NewGuid():N}.db")}",
                    o => o with { Durability = store == "sqlite-full" ? SqliteDurability.Full : SqliteDurability.Normal });
                break;
            case "postgres":
                builder.Services.AddPostgreSqlTaskStore(connectionString ?? throw new ArgumentException("postgres needs a connection string."));
                break;
            default:
                throw new ArgumentException($"Unknown store '{store}': memory, sqlite-full, sqlite-normal or postgres.");
        }

        await using WebApplication app = builder.Build();
        app.MapTrivialAgent("/a2a");
        await ServeAsync(app);
    }

    /// <summary>
    /// The floor any ASP.NET Core A2A server pays for SendMessage: a bare minimal-API endpoint at /a2a that parses the
    /// same JSON-RPC request into the same request model and writes a task-shaped answer (the message in its history,
    /// completed with an agent message), with no lifecycle, store, handler or checks.
    /// </summary>
    public static async Task ServeFloorAsync()
    {
        WebApplicationBuilder builder = NewBuilder();
        await using WebApplication app = builder.Build();
        app.MapPost("/a2a", async (HttpContext context) =>
        {
            using JsonDocument request = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            JsonElement root = request.RootElement;
            SendMessageRequest send = root.GetProperty("params").Deserialize(A2AJson.TypeInfo<SendMessageRequest>())!;
            string contextId = Guid.NewGuid().ToString();
            string taskId = Guid.NewGuid().ToString();
            var task = new AgentTask
            {
                Id = taskId,
                ContextId = contextId,
                Status = new AgentTaskStatus
                {
                    State = TaskState.Completed,
                    Timestamp = DateTimeOffset.UtcNow,
                    Message = new Message { MessageId = Guid.NewGuid().ToString(), Role = Role.Agent, TaskId = taskId, ContextId = contextId, Parts = [Part.FromText("ok")] },
                },
                History = [send.Message! with { TaskId = taskId, ContextId = contextId }],
            };
            context.Response.ContentType = "application/json";
            await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WritePropertyName("id");
            root.GetProperty("id").WriteTo(writer);
            writer.WritePropertyName("result");
            JsonSerializer.Serialize(writer, new SendMessageResponse { Task = task }, A2AJson.TypeInfo<SendMessageResponse>());
            writer.WriteEndObject();
        });
        await ServeAsync(app);
    }

    private static string Body(string method, int n, string text) =>
        "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":{\"message\":{\"messageId\":\"m-" + n + "-" + Guid.NewGuid().ToString("N") +
        "\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"" + text + "\"}]}},\"id\":" + n + "}";

    private static WebApplicationBuilder NewBuilder()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return builder;
    }

    private static async Task ServeAsync(WebApplication app)
    {
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"listening {new Uri(address).Port}");
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
    }
}
