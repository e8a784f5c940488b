using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using A2A.Client;
using A2A.Diagnostics;
using A2A.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace A2A.AspNetCore.Tests;

/// <summary>
/// How an application hosts agents: several side by side, options from configuration validated at start-up, card
/// customization, and handler failures that are logged and counted without leaking the exception to the client.
/// </summary>
public sealed class HostingTests
{
    [Fact]
    public async Task Two_agents_serve_their_cards_under_their_own_routes_and_the_root_lists_them()
    {
        await using Server server = await Server.StartAsync(app =>
        {
            app.MapProbeAgent("/probe");
            app.MapGreeterAgent("/greeter");
        });

        (A2AClient greeter, AgentCard greeterCard) = await A2AClient.ConnectAsync(server.Http, new Uri(server.BaseUrl, "greeter/"));
        (A2AClient probe, AgentCard probeCard) = await A2AClient.ConnectAsync(server.Http, new Uri(server.BaseUrl, "probe/"));
        Assert.Equal("Greeter", greeterCard.Name);
        Assert.Equal(new Uri(server.BaseUrl, "greeter").ToString(), greeterCard.SupportedInterfaces[0].Url);
        Assert.Equal("a2a-dotnet probe agent", probeCard.Name);
        Assert.Equal(new Uri(server.BaseUrl, "probe").ToString(), probeCard.SupportedInterfaces[0].Url);

        // Each client reaches its own agent.
        AgentTask greeted = (await greeter.SendMessageAsync(new SendMessageRequest { Message = Message.FromUser("Ada") })).Task!;
        Assert.Equal("Hello, Ada", greeted.GetStatusText());
        AgentTask probed = (await probe.SendMessageAsync(new SendMessageRequest { Message = Message.FromUser("hello") })).Task!;
        Assert.Equal(TaskState.Completed, probed.Status.State);
        Assert.Single(probed.Artifacts); // the probe streams one artifact in two chunks

        // The root names both instead of picking one (it used to answer HTTP 500).
        using HttpResponseMessage root = await server.Http.GetAsync(new Uri(server.BaseUrl, ".well-known/agent-card.json"));
        Assert.Equal(HttpStatusCode.NotFound, root.StatusCode);
        using JsonDocument listing = JsonDocument.Parse(await root.Content.ReadAsStringAsync());
        string[] cardUrls = listing.RootElement.GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("cardUrl").GetString()!).Order().ToArray();
        Assert.Equal([new Uri(server.BaseUrl, "greeter/.well-known/agent-card.json").ToString(), new Uri(server.BaseUrl, "probe/.well-known/agent-card.json").ToString()], cardUrls);
    }

    [Fact]
    public async Task The_root_card_belongs_to_the_agent_that_claims_it_and_a_route_group_prefix_reaches_the_card_url()
    {
        await using Server server = await Server.StartAsync(app =>
        {
            app.MapProbeAgent("/probe");
            app.MapGroup("/agents").MapGreeterAgent("/greeter", new A2AServerOptions { ServeCardAtRoot = true });
        });

        AgentCard root = await GetCardAsync(server, ".well-known/agent-card.json");
        Assert.Equal("Greeter", root.Name);
        Assert.Equal(new Uri(server.BaseUrl, "agents/greeter").ToString(), root.SupportedInterfaces[0].Url);
        AgentCard grouped = await GetCardAsync(server, "agents/greeter/.well-known/agent-card.json");
        Assert.Equal(A2A.Json.A2AJson.Serialize(root), A2A.Json.A2AJson.Serialize(grouped));
    }

    [Fact]
    public async Task An_agent_at_the_root_of_a_route_group_serves_its_card_under_the_group()
    {
        await using Server server = await Server.StartAsync(app => app.MapGroup("/greeter").MapGreeterAgent("/"));
        AgentCard card = await GetCardAsync(server, "greeter/.well-known/agent-card.json");
        Assert.Equal(new Uri(server.BaseUrl, "greeter").ToString(), card.SupportedInterfaces[0].Url);
    }

    [Fact]
    public async Task A_single_agent_also_serves_its_card_at_the_root()
    {
        await using Server server = await Server.StartAsync(app => app.MapGreeterAgent("/a2a"));
        Assert.Equal("Greeter", (await GetCardAsync(server, ".well-known/agent-card.json")).Name);
        Assert.Equal("Greeter", (await GetCardAsync(server, "a2a/.well-known/agent-card.json")).Name);
    }

    [Fact]
    public async Task Real_conflicts_fail_at_start_up_naming_both_agents()
    {
        var sameRoute = await Assert.ThrowsAsync<InvalidOperationException>(() => Server.StartAsync(app =>
        {
            app.MapProbeAgent("/a2a");
            app.MapGreeterAgent("/a2a/");
        }));
        Assert.Contains("'ProbeAgent' and 'GreeterAgent' are both mapped at '/a2a'", sameRoute.Message, StringComparison.Ordinal);

        var twoRoots = await Assert.ThrowsAsync<InvalidOperationException>(() => Server.StartAsync(app =>
        {
            app.MapProbeAgent("/");
            app.MapGreeterAgent("/greeter", new A2AServerOptions { ServeCardAtRoot = true });
        }));
        Assert.Contains("'ProbeAgent' (at '/') and 'GreeterAgent' (at '/greeter') both claim the root agent card", twoRoots.Message, StringComparison.Ordinal);

        var noCard = await Assert.ThrowsAsync<InvalidOperationException>(() => Server.StartAsync(app => app.MapGreeterAgent("/", new A2AServerOptions { ServeCardAtRoot = false })));
        Assert.Contains("'GreeterAgent' is mapped at '/'", noCard.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_bind_from_configuration_per_agent_and_customize_the_card()
    {
        await using Server server = await Server.StartAsync(
            app =>
            {
                app.MapProbeAgent("/probe");
                app.MapGreeterAgent("/greeter");
            },
            new Dictionary<string, string?>
            {
                ["A2A:MaxRequestBodySize"] = "2048",
                ["A2A:Card:Provider:Organization"] = "Example Corp",
                ["A2A:Card:Provider:Url"] = "https://example.com",
                ["A2A:Agents:GreeterAgent:Card:Version"] = "2.1.0",
                ["A2A:Agents:GreeterAgent:Card:DocumentationUrl"] = "https://example.com/docs/greeter",
                ["A2A:Agents:GreeterAgent:Card:IconUrl"] = "https://example.com/greeter.png",
                ["A2A:Agents:GreeterAgent:Card:Skills:0:Id"] = "farewell",
                ["A2A:Agents:GreeterAgent:Card:Skills:0:Name"] = "Say goodbye",
                ["A2A:Agents:GreeterAgent:Card:Skills:0:Tags:0"] = "social",
                ["A2A:Agents:GreeterAgent:PushNotifications:Enabled"] = "true",
            },
            services => services.AddGreeterAgent(options => options.Card.Customize = card => card with { Description = card.Description + " (configured)" }));

        AgentCard greeter = await GetCardAsync(server, "greeter/.well-known/agent-card.json");
        Assert.Equal("2.1.0", greeter.Version);
        Assert.Equal("https://example.com/docs/greeter", greeter.DocumentationUrl);
        Assert.Equal("https://example.com/greeter.png", greeter.IconUrl);
        Assert.Equal("Example Corp", greeter.Provider!.Organization);
        Assert.Equal(["greet", "farewell"], greeter.Skills.Select(s => s.Id));
        Assert.Equal(["social"], greeter.Skills[1].Tags);
        Assert.Equal("Says hello (configured)", greeter.Description);

        Assert.True(greeter.Capabilities.PushNotifications);      // turned on by configuration

        AgentCard probe = await GetCardAsync(server, "probe/.well-known/agent-card.json");
        Assert.Equal("Example Corp", probe.Provider!.Organization); // the shared section
        Assert.NotEqual("2.1.0", probe.Version);                   // not the greeter's own
        Assert.False(probe.Capabilities.PushNotifications);

        // The shared limit applies to both agents.
        var big = new SendMessageRequest { Message = Message.FromUser(new string('x', 4096)) };
        var refused = await Assert.ThrowsAsync<A2A.Errors.InvalidRequestException>(() => new A2AClient(server.Http, new Uri(server.BaseUrl, "greeter")).SendMessageAsync(big));
        Assert.Contains("2048-byte limit", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_options_stop_the_start_up_with_every_problem_named()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => Server.StartAsync(
            app => app.MapGreeterAgent("/greeter"),
            new Dictionary<string, string?>
            {
                ["A2A:MaxRequestBodySize"] = "0",
                ["A2A:RunLeaseDuration"] = "00:00:00.500",
                ["A2A:PushNotifications:MaxAttempts"] = "0",
                ["A2A:PushNotifications:Events"] = "ArtifactChunks, ArtifactCompletions",
                ["A2A:Agents:GreeterAgent:Card:DocumentationUrl"] = "docs/greeter",
                ["A2A:Agents:GreeterAgent:Card:Skills:0:Id"] = "greet",
                ["A2A:Agents:GreeterAgent:Card:Skills:0:Name"] = "Greet again",
            }));
        Assert.Contains(error.Failures, f => f.StartsWith("A2A:MaxRequestBodySize must be a positive number", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("A2A:RunLeaseDuration must be between 00:00:01 and 1.00:00:00; got 00:00:00.5000000", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("A2A:Card:DocumentationUrl must be an absolute http(s) URL; got 'docs/greeter'", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("A2A:PushNotifications:MaxAttempts must be between 1 and 100; got 0", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("A2A:PushNotifications:Events may have ArtifactChunks or ArtifactCompletions, not both", StringComparison.Ordinal));

        // A skill id that repeats a declared [A2ASkill] is caught when the card is first built, at start-up too.
        var clash = await Assert.ThrowsAsync<InvalidOperationException>(() => Server.StartAsync(
            app => app.MapGreeterAgent("/greeter"),
            new Dictionary<string, string?>
            {
                ["A2A:Agents:GreeterAgent:Card:Skills:0:Id"] = "greet",
                ["A2A:Agents:GreeterAgent:Card:Skills:0:Name"] = "Greet again",
            }));
        Assert.Contains("add the skill 'greet', which its [A2ASkill] attributes already declare", clash.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_exception_is_logged_with_the_task_id_counted_and_kept_from_the_client()
    {
        var failures = new ConcurrentBag<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == A2ATelemetry.Name && instrument.Name == "a2a.handler.failures")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) => failures.Add(string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"))));
        listener.Start();

        var logs = new LogSink();
        await using Server server = await Server.StartAsync(app => app.MapGreeterAgent("/"), logs: logs);
        AgentTask task = (await server.Client("").SendMessageAsync(new SendMessageRequest { Message = Message.FromUser("crash") })).Task!;

        Assert.Equal(TaskState.Failed, task.Status.State);
        Assert.Equal(A2A.Agents.AgentRunner.HandlerFailedMessage, task.GetStatusText());
        Assert.DoesNotContain(GreeterAgent.Secret, JsonSerializer.Serialize(task.Status.Message!.Parts.Select(p => p.Text)), StringComparison.Ordinal);

        LogSink.Entry entry = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(task.Id, entry.Message, StringComparison.Ordinal);
        Assert.Contains("GreeterAgent", entry.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(entry.Exception);
        Assert.Contains(nameof(GreeterAgent.ExecuteAsync), entry.Exception!.StackTrace, StringComparison.Ordinal);
        Assert.Contains("error.type=System.InvalidOperationException", failures);
    }

    [Fact]
    public async Task IncludeExceptionDetails_puts_the_exception_message_in_the_failed_status()
    {
        await using Server server = await Server.StartAsync(app => app.MapGreeterAgent("/", new A2AServerOptions { IncludeExceptionDetails = true }));
        AgentTask task = (await server.Client("").SendMessageAsync(new SendMessageRequest { Message = Message.FromUser("crash") })).Task!;
        Assert.Equal($"{A2A.Agents.AgentRunner.HandlerFailedMessage} InvalidOperationException: Database unreachable: {GreeterAgent.Secret}", task.GetStatusText());
    }

    private static async Task<AgentCard> GetCardAsync(Server server, string path)
    {
        using HttpResponseMessage response = await server.Http.GetAsync(new Uri(server.BaseUrl, path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return A2A.Json.A2AJson.Deserialize<AgentCard>(await response.Content.ReadAsByteArrayAsync())!;
    }

    private sealed class Server : IAsyncDisposable
    {
        private WebApplication _app = null!;

        public Uri BaseUrl { get; private set; } = null!;

        public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

        public A2AClient Client(string path) => new(Http, new Uri(BaseUrl, path));

        public static async Task<Server> StartAsync(
            Action<WebApplication> map,
            Dictionary<string, string?>? configuration = null,
            Action<IServiceCollection>? services = null,
            LogSink? logs = null)
        {
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            if (logs is not null)
            {
                builder.Logging.AddProvider(logs);
            }

            builder.Configuration.AddInMemoryCollection(configuration ?? []);
            builder.Services.AddProbeAgent();
            builder.Services.AddGreeterAgent();
            services?.Invoke(builder.Services);
            var server = new Server { _app = builder.Build() };
            try
            {
                map(server._app);
                await server._app.StartAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }

            string address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await _app.DisposeAsync();
        }
    }

    private sealed class LogSink : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        public sealed record Entry(LogLevel Level, string Message, Exception? Exception);

        private sealed class Logger(LogSink sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    sink.Entries.Enqueue(new Entry(logLevel, formatter(state, exception), exception));
                }
            }
        }
    }
}
