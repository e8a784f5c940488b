namespace A2A.Runtime.Tests.Storage;

/// <summary>The list index answers exactly what sorting every task would, through updates, expiry and paging.</summary>
public class ListIndexTests
{
    [Fact]
    public async Task Pages_match_a_full_sort_under_updates_deletes_and_filters()
    {
        var random = new Random(20261129);
        var clock = new StepClock();
        var store = new InMemoryTaskStore(new InMemoryTaskStoreOptions { MaxFinishedTasks = 150 }, clock);
        var manager = new TaskManager(store, timeProvider: clock);
        var ids = new List<string>();
        for (int i = 0; i < 400; i++)
        {
            string context = "c" + random.Next(3);
            AgentTask task = await manager.CreateTaskAsync(contextId: context, taskId: $"t{i:D3}");
            ids.Add(task.Id);
            if (random.Next(3) == 0)
            {
                await manager.UpdateStatusAsync(ids[random.Next(ids.Count)], TaskState.Working).ContinueWith(_ => { });
            }

            if (random.Next(4) == 0)
            {
                await manager.UpdateStatusAsync(ids[random.Next(ids.Count)], random.Next(2) == 0 ? TaskState.Completed : TaskState.Failed).ContinueWith(_ => { });
            }

            if (random.Next(25) == 0)
            {
                await store.DeleteAsync(ids[random.Next(ids.Count)]);
            }
        }

        List<AgentTask> all = [];
        foreach (string id in ids)
        {
            if (await store.GetAsync(id) is { } stored)
            {
                all.Add(stored.Task);
            }
        }

        DateTimeOffset middle = all.Select(t => t.Status.Timestamp!.Value).Order().ElementAt(all.Count / 2);
        TaskQuery[] queries =
        [
            new() { PageSize = 7 },
            new() { ContextId = "c1", PageSize = 5 },
            new() { State = TaskState.Completed, PageSize = 9 },
            new() { ContextId = "c2", State = TaskState.Working, PageSize = 4 },
            new() { ActiveOnly = true, PageSize = 11 },
            new() { StatusTimestampAfter = middle, PageSize = 6 },
            new() { ContextId = "none", PageSize = 3 },
        ];
        foreach (TaskQuery query in queries)
        {
            string[] expected = all
                .Where(t => (query.ContextId is null || t.ContextId == query.ContextId)
                    && (query.State is null || t.Status.State == query.State)
                    && (!query.ActiveOnly || !t.Status.State.IsTerminal())
                    && (query.StatusTimestampAfter is null || t.Status.Timestamp > query.StatusTimestampAfter))
                .OrderByDescending(t => t.Status.Timestamp).ThenBy(t => t.Id, StringComparer.Ordinal)
                .Select(t => t.Id).ToArray();

            var paged = new List<string>();
            TaskQuery next = query;
            while (true)
            {
                TaskPage page = await store.ListAsync(next);
                Assert.Equal(expected.Length, page.TotalSize);
                Assert.True(page.Tasks.Count <= query.PageSize);
                paged.AddRange(page.Tasks.Select(t => t.Id));
                if (page.NextPageToken.Length == 0)
                {
                    break;
                }

                next = query with { PageToken = page.NextPageToken };
            }

            Assert.Equal(expected, paged);
        }
    }

    // Every reading of the clock is a millisecond later, so each update moves its task to the front of the order.
    private sealed class StepClock : TimeProvider
    {
        private long _ticks = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero).UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref _ticks, TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
