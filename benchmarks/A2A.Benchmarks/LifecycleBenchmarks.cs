using A2A.Lifecycle;
using A2A.Protocol;
using BenchmarkDotNet.Attributes;
using Stateless;

namespace A2A.Benchmarks;

/// <summary>
/// Cost of asking "may a task move?", on the full lifecycle. Baseline: Stateless's own <c>CanFire</c> on the machine
/// that defines the lifecycle. The checks cover every (state, trigger) pair, 72 per operation; <c>Fire</c> takes
/// every allowed transition once, 23 per operation; the figures are per check or per fire.
/// </summary>
[MemoryDiagnoser]
public class LifecycleBenchmarks
{
    private const int StateTriggerPairs = 9 * 8;
    private const int AllowedTransitions = 23;
    private readonly TaskLifecycle _lifecycle = TaskLifecycle.Full;
    private TaskState _state;
    private StateMachine<TaskState, TaskTrigger> _machine = null!;
    private HashSet<(TaskState, TaskState)> _pairs = null!;
    private TaskTransition[] _allowed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _machine = _lifecycle.CreateStateMachine(() => _state, s => _state = s);
        _pairs = _lifecycle.Transitions.Select(t => (t.Source, t.Destination)).ToHashSet();
        _allowed = [.. _lifecycle.Transitions];
        if (_allowed.Length != AllowedTransitions)
        {
            throw new InvalidOperationException($"The full lifecycle has {_allowed.Length} transitions; update AllowedTransitions.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = StateTriggerPairs)]
    public int StatelessCanFire()
    {
        int allowed = 0;
        for (int from = 0; from < 9; from++)
        {
            _state = (TaskState)from;
            for (int trigger = 0; trigger < 8; trigger++)
            {
                allowed += _machine.CanFire((TaskTrigger)trigger) ? 1 : 0;
            }
        }

        return allowed;
    }

    [Benchmark(OperationsPerInvoke = StateTriggerPairs)]
    public int TaskLifecycleCanTransition()
    {
        int allowed = 0;
        for (int from = 0; from < 9; from++)
        {
            for (int trigger = 0; trigger < 8; trigger++)
            {
                allowed += _lifecycle.CanTransition((TaskState)from, TaskLifecycle.TargetOf((TaskTrigger)trigger)) ? 1 : 0;
            }
        }

        return allowed;
    }

    [Benchmark(OperationsPerInvoke = StateTriggerPairs)]
    public int HashSetOfPairs()
    {
        int allowed = 0;
        for (int from = 0; from < 9; from++)
        {
            for (int trigger = 0; trigger < 8; trigger++)
            {
                allowed += _pairs.Contains(((TaskState)from, TaskLifecycle.TargetOf((TaskTrigger)trigger))) ? 1 : 0;
            }
        }

        return allowed;
    }

    [Benchmark(OperationsPerInvoke = AllowedTransitions)]
    public TaskState StatelessFire()
    {
        foreach (TaskTransition transition in _allowed)
        {
            _state = transition.Source;
            _machine.Fire(transition.Trigger);
        }

        return _state;
    }
}
