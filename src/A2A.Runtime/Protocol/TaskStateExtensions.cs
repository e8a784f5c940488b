using A2A.Lifecycle;

namespace A2A.Protocol;

/// <summary>Classification and wire spelling of <see cref="TaskState"/> values.</summary>
public static class TaskStateExtensions
{
    /// <summary>True for completed, failed, canceled and rejected: states a task never leaves.</summary>
    public static bool IsTerminal(this TaskState state) => LifecycleVocabulary.IsTerminal((int)state);

    /// <summary>True for input-required and auth-required: the task waits for the client.</summary>
    public static bool IsInterrupted(this TaskState state) => LifecycleVocabulary.IsInterrupted((int)state);

    /// <summary>The A2A v1.0 wire name, for example <c>TASK_STATE_INPUT_REQUIRED</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is not a defined state.</exception>
    public static string ToWireName(this TaskState state) => LifecycleVocabulary.WireNames[Index(state)];

    /// <summary>The A2A v0.3 wire name, for example <c>input-required</c> (a hyphen, never an underscore).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is not a defined state.</exception>
    public static string ToLegacyWireName(this TaskState state) => LifecycleVocabulary.LegacyWireNames[Index(state)];

    private static int Index(TaskState state) => (uint)state < LifecycleVocabulary.StateCount
        ? (int)state
        : throw new ArgumentOutOfRangeException(nameof(state), state, "Not a defined A2A task state.");
}
