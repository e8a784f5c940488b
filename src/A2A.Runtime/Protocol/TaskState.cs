using A2A.Lifecycle;

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
    Unspecified = LifecycleVocabulary.Unspecified,
    /// <summary>The task was received and acknowledged; no work has started.</summary>
    Submitted = LifecycleVocabulary.Submitted,
    /// <summary>The agent is working on the task.</summary>
    Working = LifecycleVocabulary.Working,
    /// <summary>Terminal: the task finished successfully.</summary>
    Completed = LifecycleVocabulary.Completed,
    /// <summary>Terminal: the task finished with an error.</summary>
    Failed = LifecycleVocabulary.Failed,
    /// <summary>Terminal: the task was canceled.</summary>
    Canceled = LifecycleVocabulary.Canceled,
    /// <summary>Interrupted: the agent waits for more input from the client.</summary>
    InputRequired = LifecycleVocabulary.InputRequired,
    /// <summary>Terminal: the agent declined to do the task.</summary>
    Rejected = LifecycleVocabulary.Rejected,
    /// <summary>Interrupted: the agent waits for the client to authenticate.</summary>
    AuthRequired = LifecycleVocabulary.AuthRequired,
}
