namespace A2A.Protocol;

/// <summary>Classification and wire spelling of <see cref="TaskState"/> values.</summary>
public static class TaskStateExtensions
{
    // Bit i is set when TaskState i is terminal: Completed(3), Failed(4), Canceled(5), Rejected(7).
    private const int TerminalMask = (1 << 3) | (1 << 4) | (1 << 5) | (1 << 7);
    private const int InterruptedMask = (1 << 6) | (1 << 8);

    /// <summary>True for completed, failed, canceled and rejected: states a task never leaves.</summary>
    public static bool IsTerminal(this TaskState state) => (uint)state < 32 && (TerminalMask & (1 << (int)state)) != 0;

    /// <summary>True for input-required and auth-required: the task waits for the client.</summary>
    public static bool IsInterrupted(this TaskState state) => (uint)state < 32 && (InterruptedMask & (1 << (int)state)) != 0;

    /// <summary>The A2A v1.0 wire name, for example <c>TASK_STATE_INPUT_REQUIRED</c>.</summary>
    public static string ToWireName(this TaskState state) => state switch
    {
        TaskState.Unspecified => "TASK_STATE_UNSPECIFIED",
        TaskState.Submitted => "TASK_STATE_SUBMITTED",
        TaskState.Working => "TASK_STATE_WORKING",
        TaskState.Completed => "TASK_STATE_COMPLETED",
        TaskState.Failed => "TASK_STATE_FAILED",
        TaskState.Canceled => "TASK_STATE_CANCELED",
        TaskState.InputRequired => "TASK_STATE_INPUT_REQUIRED",
        TaskState.Rejected => "TASK_STATE_REJECTED",
        TaskState.AuthRequired => "TASK_STATE_AUTH_REQUIRED",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a defined A2A task state."),
    };

    /// <summary>The A2A v0.3 wire name, for example <c>input-required</c> (a hyphen, never an underscore).</summary>
    public static string ToLegacyWireName(this TaskState state) => state switch
    {
        TaskState.Unspecified => "unknown",
        TaskState.Submitted => "submitted",
        TaskState.Working => "working",
        TaskState.Completed => "completed",
        TaskState.Failed => "failed",
        TaskState.Canceled => "canceled",
        TaskState.InputRequired => "input-required",
        TaskState.Rejected => "rejected",
        TaskState.AuthRequired => "auth-required",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a defined A2A task state."),
    };
}
