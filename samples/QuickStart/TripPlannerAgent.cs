using System.Collections.Concurrent;
using A2A.Protocol;
using A2A.Tasks;

namespace QuickStart;

/// <summary>
/// A tiny agent hosted in process: each incoming message runs the handler in the background, as a server would.
/// The handler talks only to its <see cref="TaskUpdater"/>; the runtime checks every step.
/// </summary>
internal sealed class TripPlannerAgent(TaskManager manager)
{
    private readonly ConcurrentDictionary<string, Task> _running = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _working = new();

    public async Task<AgentTask> SendAsync(Message message)
    {
        AgentTask task = await manager.CreateTaskAsync(message);
        Start(task, message);
        return task;
    }

    public async Task ReplyAsync(string taskId, Message reply)
    {
        await WhenIdleAsync();
        AgentTask task = await manager.UpdateWithMessageAsync(taskId, reply);
        Start(task, reply);
    }

    public Task WaitUntilWorkingAsync(string taskId) => _working.GetOrAdd(taskId, _ => new()).Task;

    public Task WhenIdleAsync() => Task.WhenAll(_running.Values);

    private void Start(AgentTask task, Message message)
    {
        TaskUpdater updater = manager.CreateUpdater(task);
        _running[task.Id] = Task.Run(() => HandleAsync(updater, task, message));
    }

    private async Task HandleAsync(TaskUpdater updater, AgentTask task, Message message)
    {
        string request = message.Parts[0].Text ?? "";
        await updater.StartWorkAsync(updater.NewAgentMessage("planning…"));
        _working.GetOrAdd(task.Id, _ => new()).TrySetResult();

        if (request.Contains("world tour", StringComparison.Ordinal))
        {
            // Long work. Until the server binding hands handlers a cancellation token, it polls the stored state.
            while (!(await manager.GetTaskAsync(task.Id)).Status.State.IsTerminal())
            {
                await Task.Delay(10);
            }

            return;
        }

        if (task.Status.State == TaskState.Submitted)
        {
            string id = await updater.AddArtifactAsync([Part.FromText("Day 1: Alfama and the castle. ")], name: "itinerary");
            await updater.AddArtifactAsync([Part.FromText("Day 2: Belém and pastéis.")], artifactId: id, append: true, lastChunk: true);
            await updater.RequireInputAsync(updater.NewAgentMessage("How many travellers, and what budget?"));
            return;
        }

        await updater.CompleteAsync(updater.NewAgentMessage($"Booked for: {request}"));
    }
}
