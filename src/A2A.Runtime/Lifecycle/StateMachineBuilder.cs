namespace A2A.Lifecycle;

/// <summary>
/// Configures a state machine the way Stateless does (configure a state, permit a trigger to a destination,
/// guards, entry and exit actions) and compiles it into an immutable, table-driven
/// <see cref="StateMachineDefinition{TState,TTrigger}"/>.
/// </summary>
/// <typeparam name="TState">An enum whose values lie in 0..63.</typeparam>
/// <typeparam name="TTrigger">An enum whose values lie in 0..63.</typeparam>
public sealed class StateMachineBuilder<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly Dictionary<(int State, int Trigger), TransitionSpec> _transitions = [];
    private readonly Dictionary<int, List<Action<Transition<TState, TTrigger>>>> _entry = [];
    private readonly Dictionary<int, List<Action<Transition<TState, TTrigger>>>> _exit = [];
    private readonly HashSet<int> _configured = [];
    private readonly Dictionary<int, string> _names = [];
    private TState? _initial;

    /// <summary>Starts (or continues) the configuration of <paramref name="state"/>.</summary>
    public StateConfiguration<TState, TTrigger> Configure(TState state)
    {
        _configured.Add(EnumIndex<TState>.Of(state));
        return new StateConfiguration<TState, TTrigger>(this, state);
    }

    /// <summary>
    /// Marks <paramref name="state"/> as the pseudo-state a new instance starts from. Diagrams draw it as <c>[*]</c>.
    /// </summary>
    public StateMachineBuilder<TState, TTrigger> StartsIn(TState state)
    {
        Configure(state);
        _initial = state;
        return this;
    }

    /// <summary>Sets the label diagrams use for <paramref name="state"/> (defaults to the enum name).</summary>
    public StateMachineBuilder<TState, TTrigger> Name(TState state, string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        _names[EnumIndex<TState>.Of(state)] = label;
        return this;
    }

    /// <summary>Compiles the configuration into an immutable, allocation-free definition.</summary>
    public StateMachineDefinition<TState, TTrigger> Build()
    {
        int stateCount = EnumIndex<TState>.Count;
        int triggerCount = EnumIndex<TTrigger>.Count;
        var destinations = new sbyte[stateCount * triggerCount];
        var guards = new Func<bool>?[stateCount * triggerCount];
        var guardDescriptions = new string?[stateCount * triggerCount];
        Array.Fill(destinations, (sbyte)-1);

        foreach (KeyValuePair<(int State, int Trigger), TransitionSpec> entry in _transitions)
        {
            int slot = (entry.Key.State * triggerCount) + entry.Key.Trigger;
            destinations[slot] = (sbyte)entry.Value.Destination;
            guards[slot] = entry.Value.Guard;
            guardDescriptions[slot] = entry.Value.GuardDescription;
        }

        return new StateMachineDefinition<TState, TTrigger>(
            destinations,
            guards,
            guardDescriptions,
            ToActionTable(_entry, stateCount),
            ToActionTable(_exit, stateCount),
            _configured.Order().Select(EnumIndex<TState>.From).ToArray(),
            _initial,
            _names.ToDictionary());
    }

    internal void AddTransition(TState state, TTrigger trigger, TState destination, Func<bool>? guard, string? guardDescription)
    {
        var key = (EnumIndex<TState>.Of(state), EnumIndex<TTrigger>.Of(trigger));
        if (_transitions.TryGetValue(key, out TransitionSpec existing))
        {
            throw new InvalidOperationException(
                $"Trigger {trigger} is already permitted in state {state} (to {EnumIndex<TState>.From(existing.Destination)}). " +
                "Each state permits a trigger once; use a distinct trigger for each destination.");
        }

        _configured.Add(key.Item1);
        _configured.Add(EnumIndex<TState>.Of(destination));
        _transitions.Add(key, new TransitionSpec(EnumIndex<TState>.Of(destination), guard, guardDescription));
    }

    internal void AddEntryAction(TState state, Action<Transition<TState, TTrigger>> action) => Add(_entry, state, action);

    internal void AddExitAction(TState state, Action<Transition<TState, TTrigger>> action) => Add(_exit, state, action);

    private static void Add(Dictionary<int, List<Action<Transition<TState, TTrigger>>>> table, TState state, Action<Transition<TState, TTrigger>> action)
    {
        int index = EnumIndex<TState>.Of(state);
        if (!table.TryGetValue(index, out List<Action<Transition<TState, TTrigger>>>? actions))
        {
            table[index] = actions = [];
        }

        actions.Add(action);
    }

    private static Action<Transition<TState, TTrigger>>[][] ToActionTable(Dictionary<int, List<Action<Transition<TState, TTrigger>>>> source, int stateCount)
    {
        var table = new Action<Transition<TState, TTrigger>>[stateCount][];
        for (int i = 0; i < stateCount; i++)
        {
            table[i] = source.TryGetValue(i, out List<Action<Transition<TState, TTrigger>>>? list) ? [.. list] : [];
        }

        return table;
    }

    private readonly record struct TransitionSpec(int Destination, Func<bool>? Guard, string? GuardDescription);
}
