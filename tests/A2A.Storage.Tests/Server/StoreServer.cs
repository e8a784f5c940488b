using System.Collections.Concurrent;
using A2A.AspNetCore;
using A2A.Client;
using A2A.Lifecycle;
using A2A.Protocol;
using A2A.Storage.PostgreSql;
using A2A.Storage.Sqlite;
using A2A.Tasks;
using A2A.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace A2A.Storage.Tests.Server;

/// <summary>
/// A real Kestrel server on 127.0.0.1 serving one agent over a store of the given kind ("memory", "sqlite",
/// "postgres"), for tests of what a request on a durable store does end to end. The agent echoes: it completes the
/// task with the message's own parts as its status message, after adding them as an artifact closed by an empty
/// last chunk (the way a token stream whose last token is only known afterwards ends). To <see cref="DirectReply"/> it
/// answers with a direct reply instead, and to <see cref="AskForInput"/> by asking for input.
/// </summary>
internal sealed class StoreServer : IAsyncDisposable
{
    public const string Stores = "memory sqlite postgres";

    /// <summary>The text that the agent answers with a direct reply (no task) instead of echoing.</summary>
    public const string DirectReply = "reply directly";

    /// <summary>The text that the agent answers by asking for input (the follow-up is echoed).</summary>
    public const string AskForInput = "ask me";

    private readonly WebApplication _app;
    private readonly TemporaryDirectory _files;

    private StoreServer(WebApplication app, TemporaryDirectory files, string kind, string connectionString, Uri endpoint, ConcurrentQueue<string> warnings)
    {
        Warnings = warnings;
        _app = app;
        _files = files;
        Kind = kind;
        ConnectionString = connectionString;
        Endpoint = endpoint;
    }

    public string Kind { get; }

    /// <summary>The store's connection string ("" in memory), for tests that reach into the database.</summary>
    public string ConnectionString { get; }

    public Uri Endpoint { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public ITaskStore Store => _app.Services.GetRequiredService<ITaskStore>();

    /// <summary>What the server logged at warning level or above.</summary>
    public ConcurrentQueue<string> Warnings { get; }

    public static async Task<StoreServer> StartAsync(string kind)
    {
        var files = new TemporaryDirectory();
        string connectionString = kind switch
        {
            "sqlite" => $"Data Source={files.NewFile("server.db")}",
            "postgres" => await (await PostgresCluster.Shared).CreateDatabaseAsync("server"),
            _ => "",
        };
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var warnings = new ConcurrentQueue<string>();
        builder.Logging.AddProvider(new WarningCollector(warnings));
        builder.Services.AddSingleton<ITaskStore>(new InMemoryTaskStore());
        if (kind == "sqlite")
        {
            builder.Services.AddSqliteTaskStore(connectionString);
        }
        else if (kind == "postgres")
        {
            builder.Services.AddPostgreSqlTaskStore(connectionString);
        }

        WebApplication app = builder.Build();
        app.MapA2AAgent(
            "echo",
            "/a2a",
            services => new TaskManager(services.GetRequiredService<ITaskStore>(), TaskLifecycle.For(OptionalTaskStates.InputRequired)),
            _ => EchoAsync,
            url => new AgentCard
            {
                Name = "echo", Description = "Echoes", Version = "1.0.0", Capabilities = new AgentCapabilities { Streaming = true },
                SupportedInterfaces = [new AgentInterface { Url = url, ProtocolBinding = ProtocolBindings.JsonRpc, ProtocolVersion = "1.0" }],
            });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StoreServer(app, files, kind, connectionString, new Uri(address.TrimEnd('/') + "/a2a"), warnings);
    }

    /// <summary>A client of the given binding ("JSONRPC", "HTTP+JSON") and version ("1.0", "0.3"), as the card offers it.</summary>
    public async Task<A2AClient> ClientAsync(string binding, string version)
    {
        AgentCard card = await A2AClient.GetAgentCardAsync(Http, Endpoint);
        AgentInterface offered = card.SupportedInterfaces.First(i => i.ProtocolBinding == binding && (string.IsNullOrEmpty(i.ProtocolVersion) ? "1.0" : i.ProtocolVersion).StartsWith(version, StringComparison.Ordinal));
        return new A2AClient(Http, new Uri(offered.Url), binding, version);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _files.Dispose();
    }

    private static async Task EchoAsync(Message message, AgentTask task, TaskUpdater updater, CancellationToken cancellationToken)
    {
        if (message.Parts is [{ Text: DirectReply }])
        {
            await updater.ReplyAsync("a direct reply", cancellationToken);
            return;
        }

        if (message.Parts is [{ Text: AskForInput }])
        {
            await updater.RequireInputAsync(updater.NewAgentMessage("What else?"), cancellationToken);
            return;
        }

        string artifact = await updater.AddArtifactAsync(message.Parts, cancellationToken: cancellationToken);
        if (!string.IsNullOrEmpty(message.TaskId))
        {
            // A follow-up: the artifact above was added while the task still waited for input (not the turn's outcome);
            // now the task resumes.
            await updater.StartWorkAsync(cancellationToken: cancellationToken);
        }

        await updater.AddArtifactAsync([Part.FromText("")], artifact, append: true, lastChunk: true, cancellationToken: cancellationToken);
        await updater.CompleteAsync(updater.NewAgentMessage(message.Parts), cancellationToken);
    }

    // Collects what the server logs at warning level or above.
    private sealed class WarningCollector(ConcurrentQueue<string> warnings) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                warnings.Enqueue(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
