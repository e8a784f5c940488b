namespace A2A.Lifecycle;

/// <summary>
/// What moves a task. Each trigger leads to exactly one <see cref="Protocol.TaskState"/>, so the lifecycle table
/// can be queried by trigger (the typed updater's methods) or by target state (untyped status updates).
/// </summary>
public enum TaskTrigger
{
    /// <summary>A new task is accepted: (new) → submitted.</summary>
    Submit = 0,
    /// <summary>Start, progress or resume work: → working.</summary>
    Work = 1,
    /// <summary>Ask the client for input: → input-required.</summary>
    RequireInput = 2,
    /// <summary>Ask the client to authenticate: → auth-required.</summary>
    RequireAuth = 3,
    /// <summary>Finish successfully: → completed.</summary>
    Complete = 4,
    /// <summary>Finish with an error: → failed.</summary>
    Fail = 5,
    /// <summary>Cancel: → canceled.</summary>
    Cancel = 6,
    /// <summary>Decline the task: → rejected.</summary>
    Reject = 7,
}
