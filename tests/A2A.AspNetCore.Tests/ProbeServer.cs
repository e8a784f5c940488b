using A2A.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace A2A.AspNetCore.Tests;

/// <summary>A real Kestrel server on 127.0.0.1 (a free port) serving the probe agent, shared by a test class.</summary>
public class ProbeServer : IAsyncLifetime
{
    private WebApplication? _app;

    /// <summary>The task store the server uses; a subclass may wrap it (to slow it down, say).</summary>
    protected virtual A2A.Storage.ITaskStore CreateStore() => new A2A.Storage.InMemoryTaskStore();

    public Uri BaseUrl { get; private set; } = null!;

    public Uri Endpoint => new(BaseUrl, "a2a");

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public A2AServerOptions Options { get; } = new() { MaxRequestBodySize = 64 * 1024 };

    public A2AClient Client => new(Http, Endpoint);

    public ProbeAgentTaskManager Manager => _app!.Services.GetRequiredService<ProbeAgentTaskManager>();

    /// <summary>Every request the server got, as "METHOD /path A2A-Version" (the version as sent; "-" when none was).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Requests { get; } = new();

    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(CreateStore());
        builder.Services.AddProbeAgent();
        Configure(builder);
        _app = builder.Build();
        _app.Use((context, next) =>
        {
            Requests.Enqueue($"{context.Request.Method} {context.Request.Path} {(context.Request.Headers["A2A-Version"].FirstOrDefault() is { Length: > 0 } version ? version : "-")}");
            return next(context);
        });
        ConfigurePipeline(_app);
        _app.MapProbeAgent("/a2a", Options);
        await _app.StartAsync();
        string address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <summary>Adds services (authentication, say) before the application is built.</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    /// <summary>Adds middleware before the agent is mapped.</summary>
    protected virtual void ConfigurePipeline(WebApplication app)
    {
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
