using A2A.Lifecycle;
using A2A.Protocol;
using BenchmarkDotNet.Attributes;

namespace A2A.Benchmarks;

/// <summary>
/// Cost of asking "may a task move from A to B?". Baseline: the obvious implementation, a hash set of allowed
/// (from, to) pairs. Each operation checks all 81 (from, to) pairs, so per-check cost is the mean / 81.
/// </summary>
[MemoryDiagnoser]
public class LifecycleBenchmarks
{
    private const int Pairs = 81;
    private readonly TaskLifecycle _lifecycle = TaskLifecycle.Full;
    private readonly StateMachineDefinition<TaskState, TaskTrigger> _definition = TaskLifecycle.Full.Definition;
    private HashSet<(TaskState, TaskState)> _pairs = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pairs = [];
        foreach (TaskState from in Enum.GetValues<TaskState>())
        {
            foreach (TaskState to in Enum.GetValues<TaskState>())
            {
                if (_lifecycle.CanTransition(from, to))
                {
                    _pairs.Add((from, to));
                }
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Pairs)]
    public int HashSetOfPairs()
    {
        int allowed = 0;
        for (int from = 0; from < 9; from++)
        {
            for (int to = 0; to < 9; to++)
            {
                allowed += _pairs.Contains(((TaskState)from, (TaskState)to)) ? 1 : 0;
            }
        }

        return allowed;
    }

    [Benchmark(OperationsPerInvoke = Pairs)]
    public int TaskLifecycleCanTransition()
    {
        int allowed = 0;
        for (int from = 0; from < 9; from++)
        {
            for (int to = 0; to < 9; to++)
            {
                allowed += _lifecycle.CanTransition((TaskState)from, (TaskState)to) ? 1 : 0;
            }
        }

        return allowed;
    }

    [Benchmark(OperationsPerInvoke = Pairs)]
    public int StateMachineCanFire()
    {
        int allowed = 0;
        for (int from = 0; from < 9; from++)
        {
            for (int trigger = 0; trigger < 9; trigger++)
            {
                allowed += _definition.CanFire((TaskState)from, (TaskTrigger)(trigger % 8)) ? 1 : 0;
            }
        }

        return allowed;
    }
}
