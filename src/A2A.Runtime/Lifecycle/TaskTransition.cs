namespace A2A.Lifecycle;

/// <summary>One allowed move of the lifecycle: <paramref name="Trigger"/> takes a task from <paramref name="Source"/> to <paramref name="Destination"/>.</summary>
/// <param name="Source">The state before; <see cref="Protocol.TaskState.Unspecified"/> for a task not yet created.</param>
/// <param name="Trigger">What moves the task.</param>
/// <param name="Destination">The state after.</param>
public readonly record struct TaskTransition(Protocol.TaskState Source, TaskTrigger Trigger, Protocol.TaskState Destination)
{
    /// <summary>True when the task stays in its state (working → working: progress).</summary>
    public bool IsReentry => Source == Destination;
}
