// Usage: A2A.TestServer <name> sqlite|postgres <connection string> <run lease seconds>
// Serves StreamingAgent at /a2a on 127.0.0.1 (a free port) over the given store and prints "listening <url>" once
// it accepts requests. The tests start several, point them at one store, and kill them.
using A2A.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using A2A.Storage.PostgreSql;
using A2A.Storage.Sqlite;
using A2A.TestServer;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

if (args.Length != 4 || args[1] is not ("sqlite" or "postgres") || !double.TryParse(args[3], System.Globalization.CultureInfo.InvariantCulture, out double leaseSeconds))
{
    Console.Error.WriteLine("usage: A2A.TestServer <name> sqlite|postgres <connection string> <run lease seconds>");
    return 2;
}

StreamingAgent.InstanceName = args[0];
WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
if (args[1] == "sqlite")
{
    builder.Services.AddSqliteTaskStore(args[2], o => o with { PollInterval = TimeSpan.FromMilliseconds(200) });
}
else
{
    builder.Services.AddPostgreSqlTaskStore(args[2]);
}

builder.Services.AddStreamingAgent();
WebApplication app = builder.Build();
app.MapStreamingAgent("/a2a", new A2AServerOptions { RunLeaseDuration = TimeSpan.FromSeconds(leaseSeconds) });
await app.StartAsync();
string url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.WriteLine($"listening {url}");
await app.WaitForShutdownAsync();
return 0;
