using A2A.Protocol;

namespace A2A.Lifecycle;

/// <summary>A state change the store has accepted: what <see cref="Tasks.TaskManager.OnTransitionCommitted"/> observers receive.</summary>
/// <param name="Transition">The move the task made; <see cref="TaskState.Unspecified"/> as the source for a task just created.</param>
/// <param name="Task">The task as stored after the change.</param>
public sealed record CommittedTransition(TaskTransition Transition, AgentTask Task)
{
    /// <summary>The task's id.</summary>
    public string TaskId => Task.Id;
}
