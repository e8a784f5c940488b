using System.Globalization;
using A2A.AspNetCore;
using A2A.Protocol;
using A2A.Storage;

namespace A2A.Benchmarks;

/// <summary>
/// Memory under sustained load: <c>SendMessage</c> after <c>SendMessage</c> through the server's service (the trivial
/// agent, which completes at once), the heap measured after a full collection every tenth of the run. Two stores in
/// one run: without retention (every finished task kept) and with it (at most 1,000 finished tasks, compacted).
/// </summary>
internal static class SoakProbe
{
    public static async Task RunAsync(int messages)
    {
        Console.WriteLine($"soak: {messages.ToString("N0", CultureInfo.InvariantCulture)} SendMessage calls per store, heap after a full GC");
        IReadOnlyList<long> kept = await MeasureAsync(new InMemoryTaskStore(), messages);
        IReadOnlyList<long> retained = await MeasureAsync(
            new InMemoryTaskStore(new InMemoryTaskStoreOptions { MaxFinishedTasks = 1_000, CompactFinishedTasks = true }), messages);

        Console.WriteLine();
        Console.WriteLine("| messages sent | heap, every task kept | heap, retention (1,000 finished, compacted) |");
        Console.WriteLine("| ---: | ---: | ---: |");
        for (int i = 0; i < kept.Count; i++)
        {
            Console.WriteLine($"| {((i + 1) * messages / kept.Count).ToString("N0", CultureInfo.InvariantCulture)} | {Mb(kept[i])} | {Mb(retained[i])} |");
        }
    }

    private static async Task<IReadOnlyList<long>> MeasureAsync(ITaskStore store, int messages)
    {
        var manager = new TrivialAgentTaskManager(store);
        var handler = new TrivialAgent();
        await using var service = new A2AAgentService(manager.Runtime, manager.Bind(handler));
        var heap = new List<long>();
        int step = Math.Max(1, messages / 10);
        for (int i = 1; i <= messages; i++)
        {
            var request = new SendMessageRequest
            {
                Message = new Message { MessageId = "m" + i.ToString(CultureInfo.InvariantCulture), Role = Role.User, Parts = [Part.FromText("hello")] },
            };
            AgentTask task = (await service.SendMessageAsync(request)).Task!;
            if (task.Status.State != TaskState.Completed)
            {
                throw new InvalidOperationException($"message {i} ended {task.Status.State}");
            }

            if (i % step == 0)
            {
                heap.Add(GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        return heap;
    }

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture) + " MB";
}
