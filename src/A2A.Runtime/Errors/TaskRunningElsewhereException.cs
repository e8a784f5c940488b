namespace A2A.Errors;

/// <summary>
/// A follow-up message reached a server instance while another instance runs the task's handler (it holds the task's
/// run lease, see <see cref="Storage.ITaskRunLeases"/>): nothing was written. JSON-RPC -32004
/// (<c>UNSUPPORTED_OPERATION</c>), as a follow-up to a task whose handler runs on the same instance is.
/// </summary>
public class TaskRunningElsewhereException : UnsupportedOperationException
{
    /// <summary>Creates the error for <paramref name="taskId"/>.</summary>
    public TaskRunningElsewhereException(string taskId)
        : base($"Task {taskId} is still being worked on by another server instance; send the follow-up once it asks for input (or follow it with SubscribeToTask).")
    {
        TaskId = taskId;
    }

    /// <summary>The task.</summary>
    public string TaskId { get; }
}
