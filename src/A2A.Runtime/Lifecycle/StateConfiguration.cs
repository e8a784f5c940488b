namespace A2A.Lifecycle;

/// <summary>Fluent configuration of one state, returned by <see cref="StateMachineBuilder{TState,TTrigger}.Configure"/>.</summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
public sealed class StateConfiguration<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly StateMachineBuilder<TState, TTrigger> _builder;

    internal StateConfiguration(StateMachineBuilder<TState, TTrigger> builder, TState state)
    {
        _builder = builder;
        State = state;
    }

    /// <summary>The state being configured.</summary>
    public TState State { get; }

    /// <summary>Firing <paramref name="trigger"/> in this state moves to <paramref name="destination"/>.</summary>
    public StateConfiguration<TState, TTrigger> Permit(TTrigger trigger, TState destination)
    {
        _builder.AddTransition(State, trigger, destination, guard: null, guardDescription: null);
        return this;
    }

    /// <summary>Like <see cref="Permit"/>, but only while <paramref name="guard"/> returns true.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="destination">Where it leads.</param>
    /// <param name="guard">Evaluated each time the trigger is checked; must not allocate if checks are to stay allocation-free.</param>
    /// <param name="guardDescription">Shown in diagrams and error messages.</param>
    public StateConfiguration<TState, TTrigger> PermitIf(TTrigger trigger, TState destination, Func<bool> guard, string guardDescription)
    {
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentException.ThrowIfNullOrWhiteSpace(guardDescription);
        _builder.AddTransition(State, trigger, destination, guard, guardDescription);
        return this;
    }

    /// <summary>Firing <paramref name="trigger"/> leaves and re-enters this state (exit and entry actions run).</summary>
    public StateConfiguration<TState, TTrigger> PermitReentry(TTrigger trigger) => Permit(trigger, State);

    /// <summary>Runs <paramref name="action"/> whenever this state is entered.</summary>
    public StateConfiguration<TState, TTrigger> OnEntry(Action<Transition<TState, TTrigger>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _builder.AddEntryAction(State, action);
        return this;
    }

    /// <summary>Runs <paramref name="action"/> whenever this state is left.</summary>
    public StateConfiguration<TState, TTrigger> OnExit(Action<Transition<TState, TTrigger>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _builder.AddExitAction(State, action);
        return this;
    }
}
