// QuickStart: an A2A agent written as an annotated class, served over HTTP on 127.0.0.1, and driven through the
// A2A client and the generated, typed client manager.
//
// Small talk gets a direct reply and no task. The trip planner streams a draft in two artifact chunks and asks who
// is travelling (input-required); the server restarts (its tasks live in a SQLite file) and the answer continues the
// same task, which completes with a typed itinerary the client reads back as a record. The client also has the trip's
// changes pushed to a webhook of its own, across the restart. A second request is canceled
// while the agent works on it. Then the lifecycle shows its teeth: a message to the completed
// task is refused on the wire (-32004), and so is an update to it inside the server.

using A2A.AspNetCore.Push;
using A2A.Client;
using A2A.Errors;
using A2A.Protocol;
using A2A.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QuickStart;

// The server: the generated registration and mapping, on a free loopback port, its tasks in a SQLite file.
string database = Path.Combine(Path.GetTempPath(), $"quickstart-{Guid.NewGuid():N}.db");
var committed = new System.Collections.Concurrent.ConcurrentQueue<A2A.Lifecycle.TaskTransition>();
(WebApplication app, Uri serverUrl, IDisposable observing) = await StartServerAsync(database, committed);
Console.WriteLine($"Serving the trip planner at {new Uri(serverUrl, "a2a")}, tasks stored in {database}");

// The client: resolve the card (served under the agent's own path), pick its JSON-RPC interface.
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
(A2AClient client, AgentCard card) = await A2AClient.ConnectAsync(http, new Uri(serverUrl, "a2a/"));
Console.WriteLine($"Agent card: {card.Name} {card.Version}, skills: {string.Join(", ", card.Skills.Select(s => s.Name))}, endpoint {client.Endpoint}");
Console.WriteLine();

// 0. Small talk: the agent answers with a direct message (result.message) and stores no task.
SendMessageResponse hello = await client.SendMessageAsync(new SendMessageRequest { Message = Message.FromUser("Hello?") });
Console.WriteLine($"[hello] the agent replies without a task: \"{hello.Message?.GetText()}\"");
Console.WriteLine();

// The client's webhook: the agent posts the trip's changes to it (status changes and completed artifacts), with the
// credentials the client registers; the feed folds them into a task manager, ignoring repeated deliveries.
var pushed = new PushNotificationTaskFeed();
var pushedCompletion = new TaskCompletionSource<AgentTask>(TaskCreationOptions.RunContinuationsAsynchronously);
pushed.TaskUpdated += task =>
{
    if (task.Status.State == TaskState.Completed)
    {
        pushedCompletion.TrySetResult(task);
    }
};
string webhookSecret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
(WebApplication webhook, string webhookUrl) = await StartWebhookAsync(pushed, webhookSecret);

// 1. First turn, streamed: a draft in two chunks, then a question. The request registers the webhook for the task.
var trip = new Timeline("trip");
Message ask = Message.FromUser("Plan a weekend in Lisbon");
var pushConfig = new TaskPushNotificationConfig { Url = webhookUrl, Authentication = new AuthenticationInfo { Scheme = "Bearer", Credentials = webhookSecret } };
await trip.StreamAsync(ask, client.SendStreamingMessageAsync(new SendMessageRequest { Message = ask, Configuration = new SendMessageConfiguration { TaskPushNotificationConfig = pushConfig } }));
AgentTask asked = trip.Task;
trip.Note($"the agent asks: \"{asked.GetStatusText()}\"");

// The server restarts while the task waits for the answer: the task lives in the SQLite file, not in the process.
observing.Dispose();
await app.StopAsync();
await app.DisposeAsync();
(app, serverUrl, observing) = await StartServerAsync(database, committed);
(client, _) = await A2AClient.ConnectAsync(http, new Uri(serverUrl, "a2a/"));
AgentTask reloaded = await client.GetTaskAsync(asked.Id);
trip.Note($"server restarted at {serverUrl}; the task is still {reloaded.Status.State.ToWireName()} with {reloaded.History.Count} messages and {reloaded.Artifacts.Count} artifact");
await foreach (StreamResponse snapshot in client.SubscribeToTaskAsync(asked.Id))
{
    trip.Note($"resubscribed: the stream starts from the stored task ({snapshot.Task?.Status.State.ToWireName()})");
    break; // the snapshot is enough here; the follow-up below streams the rest
}

// 2. The answer continues the same task on the restarted server (numbering goes on); the typed artifact arrives as a record.
Message answer = asked.Reply("Two adults, mid-range hotels");
await trip.StreamAsync(answer, client.SendStreamingMessageAsync(new SendMessageRequest { Message = answer }));
Itinerary itinerary = trip.Manager.GetItinerary() ?? throw new InvalidOperationException("No itinerary arrived.");
trip.Note($"itinerary: {itinerary.City}, {string.Join(" / ", itinerary.Days)}, for {itinerary.Travellers}");

// The webhook got the same story by push, delivered by whichever server process was running at the time.
AgentTask viaWebhook = await pushedCompletion.Task.WaitAsync(TimeSpan.FromSeconds(60));
trip.Note($"webhook: the task arrived {viaWebhook.Status.State.ToWireName()} by push, with {viaWebhook.Artifacts.Count} artifacts ({string.Join(", ", viaWebhook.Artifacts.Select(a => a.Name))})");
Console.WriteLine();

// 3. A long request is canceled while the agent works: the handler's token fires and the task ends canceled.
var tour = new Timeline("tour");
Message longAsk = Message.FromUser("Plan a year-long world tour");
await tour.StreamAsync(longAsk, client.SendStreamingMessageAsync(new SendMessageRequest { Message = longAsk }), async change =>
{
    if (change.StatusUpdate?.Status.State == TaskState.Working)
    {
        tour.Note($"client cancels task {change.StatusUpdate.TaskId[..8]} while the agent works");
        AgentTask canceled = await client.CancelTaskAsync(change.StatusUpdate.TaskId);
        tour.Note($"CancelTask answered: {canceled.Status.State.ToWireName()}");
    }
});
Console.WriteLine();

// 4. Terminal means terminal: the server refuses a message to the completed task, and any update to it.
AgentTask completed = trip.Task;
Message oneMore = completed.Reply("One more night, please");
trip.Note($"client sends \"{oneMore.GetText()}\" to the completed task");
try
{
    await client.SendMessageAsync(new SendMessageRequest { Message = oneMore });
    throw new InvalidOperationException("The server accepted a message to a completed task.");
}
catch (UnsupportedOperationException refused)
{
    trip.Note($"refused on the wire ({refused.Code}): {refused.Message}");
}

trip.Note("the agent's code tries StartWorkAsync on the completed task, inside the server");
try
{
    await app.Services.GetRequiredService<TripPlannerTaskManager>().CreateUpdater(completed).StartWorkAsync();
    throw new InvalidOperationException("The runtime accepted an update to a completed task.");
}
catch (InvalidTaskStateException refused)
{
    trip.Note($"refused in the server: {refused.Message}");
}

Console.WriteLine();
Console.WriteLine($"Transitions the server committed ({committed.Count}; the two refused attempts are not among them):");
foreach (var group in committed.GroupBy(t => $"{t.Source} -> {t.Destination}"))
{
    Console.WriteLine($"  {group.Key,-28} x{group.Count()}");
}

Console.WriteLine();
Console.WriteLine("Lifecycle of this agent (its Stateless machine, as Mermaid):");
Console.WriteLine(TripPlannerLifecycle.Lifecycle.ToMermaid());
observing.Dispose();
await app.StopAsync();
await app.DisposeAsync();
await webhook.StopAsync();
await webhook.DisposeAsync();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
foreach (string file in Directory.GetFiles(Path.GetDirectoryName(database)!, Path.GetFileName(database) + "*"))
{
    File.Delete(file); // the database and its WAL files
}

return hello is { Message: not null, Task: null } && completed.Status.State == TaskState.Completed && tour.Task.Status.State == TaskState.Canceled ? 0 : 1;

// One server process's life: the generated registration over the SQLite store, and every transition the server
// commits, observed after the task store accepted it (refused changes never show up).
static async Task<(WebApplication App, Uri Url, IDisposable Observing)> StartServerAsync(string database, System.Collections.Concurrent.ConcurrentQueue<A2A.Lifecycle.TaskTransition> committed)
{
    WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.Logging.ClearProviders();
    // The webhook is on this machine (127.0.0.1): push notifications to private addresses are refused unless allowed,
    // which only local development and tests should do.
    builder.Services.AddTripPlannerAgent(o => o.PushNotifications.AllowPrivateNetworkDestinations = true).AddSqliteTaskStore($"Data Source={database}");
    WebApplication app = builder.Build();
    app.MapTripPlannerAgent("/a2a");
    IDisposable observing = app.Services.GetRequiredService<TripPlannerTaskManager>().Runtime
        .OnTransitionCommitted(change => committed.Enqueue(change.Transition));
    await app.StartAsync();
    var url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
    return (app, url, observing);
}

// The client application's webhook: checks the credentials it registered, and feeds the task's notifications into
// the feed (the task it expects).
static async Task<(WebApplication App, string Url)> StartWebhookAsync(PushNotificationTaskFeed feed, string secret)
{
    WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.Logging.ClearProviders();
    WebApplication app = builder.Build();
    app.MapA2APushReceiver("/trip-updates", new PushReceiverOptions
    {
        Authenticate = credentials => credentials.Matches("Bearer", secret),
        OnNotification = (notification, cancellationToken) =>
        {
            feed.Track(notification.TaskId!); // a real client tracks the tasks it started and refuses others
            return feed.ReceiveAsync(notification, cancellationToken);
        },
    });
    await app.StartAsync();
    string url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/trip-updates";
    return (app, url);
}
