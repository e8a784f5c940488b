// QuickStart: an A2A agent written as an annotated class, driven end to end through the generated, typed API.
//
// The trip planner streams a draft in two artifact chunks, asks the client a question (input-required) and
// finishes on the same task with a typed itinerary artifact that the client reads back as a record. A second
// request is canceled while the agent works on it. Finally the runtime refuses what other A2A SDKs let through:
// an update to a task that already completed. (The HTTP server and client arrive with the wire milestone; the
// generated API and the runtime underneath stay the same.)

using A2A.Errors;
using A2A.Protocol;
using A2A.Storage;
using A2A.Tasks;
using QuickStart;

var timeline = new Timeline();
var manager = new TripPlannerTaskManager(new InMemoryTaskStore());
var agent = new TripPlanner();
var client = new TripPlannerClientTaskManager();

Console.WriteLine($"Agent card: {A2A.Json.A2AJson.Serialize(TripPlannerAgentCard.Create("http://127.0.0.1:5000/a2a"))}");
Console.WriteLine();

// 1. First turn: the handler runs, streams a draft in two chunks, and asks a question.
AgentTask task = await manager.ExecuteAsync(agent, Text("Plan a weekend in Lisbon"));
long seen = await timeline.ReplayAsync("trip", manager, task.Id, after: 0, client);
Console.WriteLine($"  agent asks: {client.GetTaskOrThrow().Status.Message?.Parts[0].Text}");

// 2. Second turn on the same task: the answer resumes it; the client reads the typed artifact.
task = await manager.ExecuteAsync(agent, Text("Two adults, mid-range hotels") with { TaskId = task.Id, ContextId = task.ContextId });
await timeline.ReplayAsync("trip", manager, task.Id, after: seen, client);
Itinerary itinerary = client.GetItinerary() ?? throw new InvalidOperationException("No itinerary arrived.");
Console.WriteLine($"  itinerary: {itinerary.City}, {string.Join(" / ", itinerary.Days)}, for {itinerary.Travellers}");

// 3. A second request is canceled while the handler works: its cancellation token fires and the task is canceled.
using (var cancel = new CancellationTokenSource())
{
    Task<AgentTask> tour = manager.ExecuteAsync(agent, Text("Plan a year-long world tour"), cancel.Token);
    await agent.Working;
    cancel.Cancel();
    try
    {
        await tour;
    }
    catch (OperationCanceledException)
    {
        AgentTask canceled = (await manager.Runtime.ListTasksAsync(new TaskQuery { State = TaskState.Canceled })).Tasks.Single();
        await timeline.ReplayAsync("tour", manager, canceled.Id, after: 0, new TripPlannerClientTaskManager());
    }
}

// 4. The lifecycle is enforced where the task is stored: nothing moves a completed task, whatever path is used.
try
{
    await manager.CreateUpdater(task).StartWorkAsync();
    throw new InvalidOperationException("The runtime accepted an update to a completed task.");
}
catch (InvalidTaskStateException refused)
{
    Console.WriteLine($"  refused as it should be: {refused.Message}");
}

Console.WriteLine();
Console.WriteLine("Lifecycle of this agent (generated, Mermaid):");
Console.WriteLine(TripPlannerLifecycle.MermaidDiagram);
return task.Status.State == TaskState.Completed ? 0 : 1;

static Message Text(string text) =>
    new() { MessageId = Guid.NewGuid().ToString(), Role = Role.User, Parts = [Part.FromText(text)] };
