using System.Runtime.CompilerServices;
using System.Text;

namespace A2A.Lifecycle;

/// <summary>
/// An immutable, table-driven state machine: a dense (state × trigger) → destination table. Checking a transition
/// is two array reads and allocates nothing; one definition is shared by every instance that uses it.
/// Create one with <see cref="StateMachineBuilder{TState,TTrigger}"/>.
/// </summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
public sealed class StateMachineDefinition<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly sbyte[] _destinations;
    private readonly Func<bool>?[] _guards;
    private readonly string?[] _guardDescriptions;
    private readonly Action<Transition<TState, TTrigger>>[][] _entryActions;
    private readonly Action<Transition<TState, TTrigger>>[][] _exitActions;
    private readonly Dictionary<int, string> _names;
    private readonly int _triggerCount;

    internal StateMachineDefinition(
        sbyte[] destinations,
        Func<bool>?[] guards,
        string?[] guardDescriptions,
        Action<Transition<TState, TTrigger>>[][] entryActions,
        Action<Transition<TState, TTrigger>>[][] exitActions,
        TState[] states,
        TState? initialState,
        Dictionary<int, string> names)
    {
        _destinations = destinations;
        _guards = guards;
        _guardDescriptions = guardDescriptions;
        _entryActions = entryActions;
        _exitActions = exitActions;
        _names = names;
        _triggerCount = EnumIndex<TTrigger>.Count;
        States = states;
        InitialState = initialState;
    }

    /// <summary>Every state that was configured or is the destination of a transition, in enum order.</summary>
    public IReadOnlyList<TState> States { get; }

    /// <summary>The pseudo-state new instances start from, if one was set with <see cref="StateMachineBuilder{TState,TTrigger}.StartsIn"/>.</summary>
    public TState? InitialState { get; }

    /// <summary>True when <paramref name="trigger"/> is permitted in <paramref name="state"/> and its guard (if any) passes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool CanFire(TState state, TTrigger trigger) => TryGetDestination(state, trigger, out _);

    /// <summary>Looks up where <paramref name="trigger"/> leads from <paramref name="state"/>, evaluating its guard.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetDestination(TState state, TTrigger trigger, out TState destination)
    {
        int s = EnumIndex<TState>.Of(state);
        int t = EnumIndex<TTrigger>.Of(trigger);
        uint slot = (uint)((s * _triggerCount) + t);
        if ((uint)t < (uint)_triggerCount && slot < (uint)_destinations.Length)
        {
            int target = _destinations[slot];
            if (target >= 0)
            {
                Func<bool>? guard = _guards[slot];
                if (guard is null || guard())
                {
                    destination = EnumIndex<TState>.From(target);
                    return true;
                }
            }
        }

        destination = default;
        return false;
    }

    /// <summary>The description of the guard on <paramref name="trigger"/> in <paramref name="state"/>, or null when unguarded or not permitted.</summary>
    public string? GetGuardDescription(TState state, TTrigger trigger)
    {
        int slot = (EnumIndex<TState>.Of(state) * _triggerCount) + EnumIndex<TTrigger>.Of(trigger);
        return (uint)slot < (uint)_guardDescriptions.Length ? _guardDescriptions[slot] : null;
    }

    /// <summary>The triggers that can fire in <paramref name="state"/> right now (guards evaluated).</summary>
    public IReadOnlyList<TTrigger> GetPermittedTriggers(TState state)
    {
        var permitted = new List<TTrigger>();
        for (int t = 0; t < _triggerCount; t++)
        {
            TTrigger trigger = EnumIndex<TTrigger>.From(t);
            if (CanFire(state, trigger))
            {
                permitted.Add(trigger);
            }
        }

        return permitted;
    }

    /// <summary>True when no trigger at all is configured out of <paramref name="state"/> (an absorbing, final state).</summary>
    public bool IsFinal(TState state)
    {
        int s = EnumIndex<TState>.Of(state);
        if ((uint)s >= (uint)(_destinations.Length / Math.Max(1, _triggerCount)))
        {
            return true;
        }

        for (int t = 0; t < _triggerCount; t++)
        {
            if (_destinations[(s * _triggerCount) + t] >= 0)
            {
                return false;
            }
        }

        return true;
    }

    internal void RunExitActions(in Transition<TState, TTrigger> transition)
    {
        foreach (Action<Transition<TState, TTrigger>> action in _exitActions[EnumIndex<TState>.Of(transition.Source)])
        {
            action(transition);
        }
    }

    internal void RunEntryActions(in Transition<TState, TTrigger> transition)
    {
        foreach (Action<Transition<TState, TTrigger>> action in _entryActions[EnumIndex<TState>.Of(transition.Destination)])
        {
            action(transition);
        }
    }

    /// <summary>A Mermaid <c>stateDiagram-v2</c> of the machine: the initial pseudo-state and final states drawn as <c>[*]</c>.</summary>
    public string ToMermaid()
    {
        var text = new StringBuilder("stateDiagram-v2\n");
        foreach ((TState from, TTrigger trigger, TState to, string? guard) in Edges())
        {
            text.Append("    ").Append(MermaidNode(from)).Append(" --> ").Append(MermaidNode(to))
                .Append(" : ").Append(trigger.ToString());
            if (guard is not null)
            {
                text.Append(" [").Append(guard).Append(']');
            }

            text.Append('\n');
        }

        foreach (TState state in States)
        {
            if (!IsInitial(state) && IsFinal(state))
            {
                text.Append("    ").Append(MermaidNode(state)).Append(" --> [*]\n");
            }
        }

        return text.ToString();
    }

    /// <summary>A Graphviz DOT digraph of the machine.</summary>
    public string ToDot()
    {
        var text = new StringBuilder("digraph {\n    rankdir=LR;\n");
        foreach (TState state in States)
        {
            string shape = IsInitial(state) ? "point" : IsFinal(state) ? "doublecircle" : "ellipse";
            text.Append("    \"").Append(Label(state)).Append("\" [shape=").Append(shape).Append("];\n");
        }

        foreach ((TState from, TTrigger trigger, TState to, string? guard) in Edges())
        {
            text.Append("    \"").Append(Label(from)).Append("\" -> \"").Append(Label(to)).Append("\" [label=\"").Append(trigger.ToString());
            if (guard is not null)
            {
                text.Append(" [").Append(guard.Replace("\"", "\\\"", StringComparison.Ordinal)).Append(']');
            }

            text.Append("\"];\n");
        }

        return text.Append("}\n").ToString();
    }

    private IEnumerable<(TState From, TTrigger Trigger, TState To, string? Guard)> Edges()
    {
        foreach (TState from in States)
        {
            int s = EnumIndex<TState>.Of(from);
            for (int t = 0; t < _triggerCount; t++)
            {
                int target = _destinations[(s * _triggerCount) + t];
                if (target >= 0)
                {
                    yield return (from, EnumIndex<TTrigger>.From(t), EnumIndex<TState>.From(target), _guardDescriptions[(s * _triggerCount) + t]);
                }
            }
        }
    }

    private bool IsInitial(TState state) => InitialState is { } initial && EqualityComparer<TState>.Default.Equals(initial, state);

    private string MermaidNode(TState state) => IsInitial(state) ? "[*]" : Label(state);

    private string Label(TState state) => _names.TryGetValue(EnumIndex<TState>.Of(state), out string? name) ? name : state.ToString();
}
