// Usage: A2A.TestServer <name> sqlite|postgres <connection string> <run lease seconds>
// Serves StreamingAgent at /a2a on 127.0.0.1 (a free port) over the given store, push notifications on, and prints
// "listening <url>" once it accepts requests. The tests start several, point them at one store, and kill them.
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
var options = new A2AServerOptions { RunLeaseDuration = TimeSpan.FromSeconds(leaseSeconds) };

// Push notifications (the agent declares them): webhooks on 127.0.0.1 allowed, quick retries, a claim as long as the
// run lease, so a killed instance's deliveries are resumed as soon as its tasks are.
options.PushNotifications.AllowPrivateNetworkDestinations = true;
options.PushNotifications.InitialRetryDelay = TimeSpan.FromMilliseconds(100);
options.PushNotifications.MaxRetryDelay = TimeSpan.FromMilliseconds(300);
options.PushNotifications.MaxAttempts = 100;
options.PushNotifications.ClaimDuration = TimeSpan.FromSeconds(leaseSeconds);
options.PushNotifications.PollInterval = TimeSpan.FromMilliseconds(200);
app.MapStreamingAgent("/a2a", options);
await app.StartAsync();
string url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.WriteLine($"listening {url}");
await app.WaitForShutdownAsync();
return 0;
