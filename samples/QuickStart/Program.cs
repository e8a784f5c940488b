// QuickStart: an in-process A2A agent driven end to end through A2A.Runtime.
//
// The agent ("trip planner") streams an itinerary in two artifact chunks, asks the client a question
// (input-required) and resumes on the same task when the answer arrives. A second task is canceled
// while it works. Finally the sample shows the runtime refusing what the A2A SDKs let through:
// an update to a task that already completed. Later milestones replace the in-process wiring with the
// generated typed API and a real HTTP server; the runtime underneath stays the same.

using A2A.Errors;
using A2A.Lifecycle;
using A2A.Protocol;
using A2A.Storage;
using A2A.Tasks;
using QuickStart;

var timeline = new Timeline();
var manager = new TaskManager(new InMemoryTaskStore(), TaskLifecycle.For(OptionalTaskStates.InputRequired));
var agent = new TripPlannerAgent(manager);

// 1. Send a request and watch the task stream: snapshot, working, two chunks, input-required.
AgentTask task = await agent.SendAsync(Text(Role.User, "Plan a weekend in Lisbon"));
var client = new ClientTaskManager(manager.Lifecycle);
await foreach (TaskEventRecord record in manager.SubscribeAsync(task.Id, new TaskSubscriptionOptions { AfterSequence = 0, EndAtInterruption = true }))
{
    timeline.Show("trip", record, client.Process(record.Event));
}

Console.WriteLine($"  agent asks: {client.GetTaskOrThrow().Status.Message?.Parts[0].Text}");

// 2. Answer on the same task; the stream resumes after the last event we saw and runs to completion.
long seen = (await manager.Store.GetAsync(task.Id))!.Version;
await agent.ReplyAsync(task.Id, Text(Role.User, "Two adults, mid-range hotels"));
await foreach (TaskEventRecord record in manager.SubscribeAsync(task.Id, new TaskSubscriptionOptions { AfterSequence = seen }))
{
    timeline.Show("trip", record, client.Process(record.Event));
}

AgentTask finished = client.GetTaskOrThrow();
Console.WriteLine($"  itinerary: {string.Concat(finished.Artifacts.Single().Parts.Select(p => p.Text))}");
Console.WriteLine($"  history: {finished.History.Count} messages");

// 3. A second task is canceled while the agent works on it; its subscriber sees working, then canceled.
AgentTask slow = await agent.SendAsync(Text(Role.User, "Plan a year-long world tour"));
await agent.WaitUntilWorkingAsync(slow.Id);
Task watching = Task.Run(async () =>
{
    await foreach (TaskEventRecord record in manager.SubscribeAsync(slow.Id, new TaskSubscriptionOptions { AfterSequence = 1 }))
    {
        timeline.Show("tour", record, record.Event);
    }
});
await manager.CancelTaskAsync(slow.Id);
await watching;
await agent.WhenIdleAsync();

// 4. The lifecycle is enforced where the task is stored: nothing moves a completed task.
try
{
    await manager.CreateUpdater(finished).StartWorkAsync();
    throw new InvalidOperationException("The runtime accepted an update to a completed task.");
}
catch (InvalidTaskStateException refused)
{
    Console.WriteLine($"  refused as it should be: {refused.Message}");
}

Console.WriteLine();
Console.WriteLine("Lifecycle of this agent (Mermaid):");
Console.WriteLine(manager.Lifecycle.ToMermaid());
return finished.Status.State == TaskState.Completed ? 0 : 1;

static Message Text(Role role, string text) =>
    new() { MessageId = Guid.NewGuid().ToString(), Role = role, Parts = [Part.FromText(text)] };
