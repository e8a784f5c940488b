namespace A2A.Errors;

/// <summary>A task with this id already exists. JSON-RPC code -32602 (<c>INVALID_PARAMS</c>).</summary>
public class TaskAlreadyExistsException : InvalidParamsException
{
    /// <summary>Creates the error for <paramref name="taskId"/>.</summary>
    public TaskAlreadyExistsException(string taskId)
        : base($"A task with id {taskId} already exists. Task ids are unique; let the task manager generate one, or continue the existing task.")
    {
        TaskId = taskId;
    }

    /// <summary>The duplicate id.</summary>
    public string TaskId { get; }
}
