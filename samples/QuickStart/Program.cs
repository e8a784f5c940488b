// QuickStart: an A2A agent written as an annotated class, served over HTTP on 127.0.0.1, and driven through the
// A2A client and the generated, typed client manager.
//
// The trip planner streams a draft in two artifact chunks and asks who is travelling (input-required); the answer
// continues the same task, which completes with a typed itinerary the client reads back as a record. A second
// request is canceled while the agent works on it. Then the lifecycle shows its teeth: a message to the completed
// task is refused on the wire (-32004), and so is an update to it inside the server.

using A2A.Client;
using A2A.Errors;
using A2A.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QuickStart;

// The server: the generated registration and mapping, on a free loopback port.
WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders();
builder.Services.AddTripPlannerAgent();
await using WebApplication app = builder.Build();
app.MapTripPlannerAgent("/a2a");
await app.StartAsync();
var baseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
Console.WriteLine($"Serving the trip planner at {baseUrl}");

// The client: resolve the card, pick its JSON-RPC interface.
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
(A2AClient client, AgentCard card) = await A2AClient.ConnectAsync(http, baseUrl);
Console.WriteLine($"Agent card: {card.Name} {card.Version}, skills: {string.Join(", ", card.Skills.Select(s => s.Name))}, endpoint {client.Endpoint}");
Console.WriteLine();

// 1. First turn, streamed: a draft in two chunks, then a question.
var trip = new TripPlannerClientTaskManager();
await StreamAsync("trip", client.SendStreamingMessageAsync(Send("Plan a weekend in Lisbon")), trip);
AgentTask asked = trip.GetTaskOrThrow();
Console.WriteLine($"  agent asks: {asked.Status.Message?.Parts[0].Text}");

// 2. The answer continues the same task; the typed artifact arrives as a record.
await StreamAsync("trip", client.SendStreamingMessageAsync(Send("Two adults, mid-range hotels", asked)), trip);
Itinerary itinerary = trip.GetItinerary() ?? throw new InvalidOperationException("No itinerary arrived.");
Console.WriteLine($"  itinerary: {itinerary.City}, {string.Join(" / ", itinerary.Days)}, for {itinerary.Travellers}");

// 3. A long request is canceled while the agent works: the handler's token fires and the task ends canceled.
var tour = new TripPlannerClientTaskManager();
int index = 0;
await foreach (StreamResponse change in client.SendStreamingMessageAsync(Send("Plan a year-long world tour")))
{
    Timeline.Show("tour", ++index, tour.Process(change));
    if (change.StatusUpdate?.Status.State == TaskState.Working)
    {
        await client.CancelTaskAsync(change.StatusUpdate.TaskId);
    }
}

// 4. Terminal means terminal: the server refuses a message to the completed task, and any update to it.
AgentTask completed = trip.GetTaskOrThrow();
try
{
    await client.SendMessageAsync(Send("One more night, please", completed));
    throw new InvalidOperationException("The server accepted a message to a completed task.");
}
catch (UnsupportedOperationException refused)
{
    Console.WriteLine($"  refused on the wire ({refused.Code}): {refused.Message}");
}

try
{
    await app.Services.GetRequiredService<TripPlannerTaskManager>().CreateUpdater(completed).StartWorkAsync();
    throw new InvalidOperationException("The runtime accepted an update to a completed task.");
}
catch (InvalidTaskStateException refused)
{
    Console.WriteLine($"  refused in the server: {refused.Message}");
}

Console.WriteLine();
Console.WriteLine("Lifecycle of this agent (generated, Mermaid):");
Console.WriteLine(TripPlannerLifecycle.MermaidDiagram);
await app.StopAsync();
return completed.Status.State == TaskState.Completed && tour.GetTaskOrThrow().Status.State == TaskState.Canceled ? 0 : 1;

static async Task StreamAsync(string label, IAsyncEnumerable<StreamResponse> changes, TripPlannerClientTaskManager manager)
{
    int index = 0;
    await foreach (StreamResponse change in changes)
    {
        Timeline.Show(label, ++index, manager.Process(change));
    }
}

static SendMessageRequest Send(string text, AgentTask? task = null) => new()
{
    Message = new Message { MessageId = Guid.NewGuid().ToString(), Role = Role.User, Parts = [Part.FromText(text)], TaskId = task?.Id, ContextId = task?.ContextId },
};
