namespace A2A.Lifecycle;

/// <summary>
/// The optional lifecycle states an agent declares. Submitted, working, completed, failed and canceled are always
/// part of the lifecycle (every agent can finish, fail, or be canceled by its client); these are not.
/// </summary>
[Flags]
public enum OptionalTaskStates
{
    /// <summary>Only the mandatory states.</summary>
    None = LifecycleVocabulary.OptionalNone,
    /// <summary>The agent may ask for more input (input-required).</summary>
    InputRequired = LifecycleVocabulary.OptionalInputRequired,
    /// <summary>The agent may ask the client to authenticate (auth-required).</summary>
    AuthRequired = LifecycleVocabulary.OptionalAuthRequired,
    /// <summary>The agent may decline a task (rejected).</summary>
    Rejected = LifecycleVocabulary.OptionalRejected,
    /// <summary>Every optional state.</summary>
    All = LifecycleVocabulary.OptionalAll,
}
