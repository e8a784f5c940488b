using A2A.Protocol;

namespace A2A.Storage;

/// <summary>One change to a task as a store writes it: the event appended to the log, and the task after it.</summary>
/// <param name="Event">The event (a status update, an artifact update, a message, or a snapshot).</param>
/// <param name="Result">The task once the event is applied; its id is the task's.</param>
public sealed record TaskChange(StreamResponse Event, AgentTask Result)
{
    /// <summary>What a store checks before writing the change to task <paramref name="taskId"/>: one event, and the task keeps its id.</summary>
    /// <exception cref="Errors.InvalidParamsException">The change carries no event, or names another task.</exception>
    public void EnsureChanges(string taskId)
    {
        if (Event is null || Result is null || Event.Kind == StreamResponseKind.None || Result.Id != taskId)
        {
            throw new Errors.InvalidParamsException($"A change to task {taskId} must carry one event and leave the task its id.");
        }
    }
}
