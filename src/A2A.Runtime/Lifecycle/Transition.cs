namespace A2A.Lifecycle;

/// <summary>A transition being taken: passed to entry and exit actions.</summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
/// <param name="Source">The state being left.</param>
/// <param name="Destination">The state being entered.</param>
/// <param name="Trigger">The trigger that fired.</param>
public readonly record struct Transition<TState, TTrigger>(TState Source, TState Destination, TTrigger Trigger)
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    /// <summary>True when the transition leaves and re-enters the same state.</summary>
    public bool IsReentry => EqualityComparer<TState>.Default.Equals(Source, Destination);
}
