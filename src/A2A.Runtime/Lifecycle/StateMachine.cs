using System.Runtime.CompilerServices;

namespace A2A.Lifecycle;

/// <summary>
/// One running instance of a <see cref="StateMachineDefinition{TState,TTrigger}"/>. Like Stateless, the state can
/// live outside the machine (an accessor and a mutator), so the machine can drive a field of an entity or a row.
/// Not thread-safe: serialize calls per instance (the task manager serializes updates per task).
/// </summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
public sealed class StateMachine<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly Func<TState> _stateAccessor;
    private readonly Action<TState> _stateMutator;

    /// <summary>Creates a machine whose state is read and written through <paramref name="stateAccessor"/> and <paramref name="stateMutator"/>.</summary>
    public StateMachine(StateMachineDefinition<TState, TTrigger> definition, Func<TState> stateAccessor, Action<TState> stateMutator)
    {
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
        _stateAccessor = stateAccessor ?? throw new ArgumentNullException(nameof(stateAccessor));
        _stateMutator = stateMutator ?? throw new ArgumentNullException(nameof(stateMutator));
    }

    /// <summary>Creates a machine that keeps its own state, starting in <paramref name="initialState"/>.</summary>
    public StateMachine(StateMachineDefinition<TState, TTrigger> definition, TState initialState)
    {
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
        var box = new StrongBox<TState>(initialState);
        _stateAccessor = () => box.Value;
        _stateMutator = value => box.Value = value;
    }

    /// <summary>The table this machine runs on.</summary>
    public StateMachineDefinition<TState, TTrigger> Definition { get; }

    /// <summary>The current state.</summary>
    public TState State => _stateAccessor();

    /// <summary>True when <paramref name="trigger"/> can fire in the current state.</summary>
    public bool CanFire(TTrigger trigger) => Definition.CanFire(State, trigger);

    /// <summary>The triggers that can fire in the current state.</summary>
    public IReadOnlyList<TTrigger> PermittedTriggers => Definition.GetPermittedTriggers(State);

    /// <summary>
    /// Fires <paramref name="trigger"/>: runs the exit actions of the current state, stores the destination through
    /// the mutator, then runs the entry actions of the destination.
    /// </summary>
    /// <exception cref="InvalidOperationException">The trigger is not permitted in the current state (or its guard failed).</exception>
    public void Fire(TTrigger trigger)
    {
        if (!TryFire(trigger))
        {
            TState state = State;
            string? guard = Definition.GetGuardDescription(state, trigger);
            throw new InvalidOperationException(guard is null
                ? $"Trigger {trigger} is not permitted in state {state}. Permitted: {Describe(Definition.GetPermittedTriggers(state))}."
                : $"Trigger {trigger} is not permitted in state {state}: guard '{guard}' failed.");
        }
    }

    /// <summary>Fires <paramref name="trigger"/> if permitted; returns false (and changes nothing) otherwise.</summary>
    public bool TryFire(TTrigger trigger)
    {
        TState source = State;
        if (!Definition.TryGetDestination(source, trigger, out TState destination))
        {
            return false;
        }

        var transition = new Transition<TState, TTrigger>(source, destination, trigger);
        Definition.RunExitActions(transition);
        _stateMutator(destination);
        Definition.RunEntryActions(transition);
        return true;
    }

    private static string Describe(IReadOnlyList<TTrigger> triggers) => triggers.Count == 0 ? "none (final state)" : string.Join(", ", triggers);
}
