namespace A2A.Protocol;

/// <summary>
/// The state of an A2A task. Numeric values match <c>lf.a2a.v1.TaskState</c> in the v1.0 proto; on the wire
/// (ProtoJSON) they are spelled <c>TASK_STATE_*</c>.
/// </summary>
/// <remarks>
/// <see cref="Completed"/>, <see cref="Failed"/>, <see cref="Canceled"/> and <see cref="Rejected"/> are terminal:
/// a task that reaches one of them never changes state again. <see cref="InputRequired"/> and
/// <see cref="AuthRequired"/> are interrupted states: the task waits for the client and resumes on the same task.
/// </remarks>
public enum TaskState
{
    /// <summary>No state was given. Never valid for a stored task.</summary>
    Unspecified = 0,
    /// <summary>The task was received and acknowledged; no work has started.</summary>
    Submitted = 1,
    /// <summary>The agent is working on the task.</summary>
    Working = 2,
    /// <summary>Terminal: the task finished successfully.</summary>
    Completed = 3,
    /// <summary>Terminal: the task finished with an error.</summary>
    Failed = 4,
    /// <summary>Terminal: the task was canceled.</summary>
    Canceled = 5,
    /// <summary>Interrupted: the agent waits for more input from the client.</summary>
    InputRequired = 6,
    /// <summary>Terminal: the agent declined to do the task.</summary>
    Rejected = 7,
    /// <summary>Interrupted: the agent waits for the client to authenticate.</summary>
    AuthRequired = 8,
}
