namespace A2A.Lifecycle;

/// <summary>
/// What moves a task. Each trigger leads to exactly one <see cref="Protocol.TaskState"/>, so the lifecycle table
/// can be queried by trigger (the typed updater's methods) or by target state (untyped status updates).
/// </summary>
public enum TaskTrigger
{
    /// <summary>A new task is accepted: (new) → submitted.</summary>
    Submit = LifecycleVocabulary.Submit,
    /// <summary>Start, progress or resume work: → working.</summary>
    Work = LifecycleVocabulary.Work,
    /// <summary>Ask the client for input: → input-required.</summary>
    RequireInput = LifecycleVocabulary.RequireInput,
    /// <summary>Ask the client to authenticate: → auth-required.</summary>
    RequireAuth = LifecycleVocabulary.RequireAuth,
    /// <summary>Finish successfully: → completed.</summary>
    Complete = LifecycleVocabulary.Complete,
    /// <summary>Finish with an error: → failed.</summary>
    Fail = LifecycleVocabulary.Fail,
    /// <summary>Cancel: → canceled.</summary>
    Cancel = LifecycleVocabulary.Cancel,
    /// <summary>Decline the task: → rejected.</summary>
    Reject = LifecycleVocabulary.Reject,
}
