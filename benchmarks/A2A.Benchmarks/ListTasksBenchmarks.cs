using A2A.Protocol;
using A2A.Storage;
using BenchmarkDotNet.Attributes;

namespace A2A.Benchmarks;

/// <summary>
/// ListTasks on the in-memory store as the number of stored tasks grows: the first page of 50 of every task, and of
/// one context (a tenth of them). Baseline: the same query on 1,000 tasks. With the list index a page costs a seek
/// and the page, so the ratio should stay near 1 as the store grows fifty-fold.
/// </summary>
[MemoryDiagnoser]
public class ListTasksBenchmarks
{
    private InMemoryTaskStore _store = null!;

    [Params(1_000, 50_000)]
    public int Tasks { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _store = new InMemoryTaskStore();
        DateTimeOffset start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < Tasks; i++)
        {
            await _store.CreateAsync(new AgentTask
            {
                Id = "t" + i,
                ContextId = "c" + (i % 10),
                Status = new AgentTaskStatus { State = TaskState.Working, Timestamp = start.AddMilliseconds(i) },
            });
        }
    }

    [Benchmark]
    public async Task<int> FirstPageOfAll() => (await _store.ListAsync(new TaskQuery())).Tasks.Count;

    [Benchmark]
    public async Task<int> FirstPageOfOneContext() => (await _store.ListAsync(new TaskQuery { ContextId = "c3" })).Tasks.Count;
}
