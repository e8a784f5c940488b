namespace A2A.Errors;

/// <summary>The task id is unknown to this server or store. JSON-RPC code -32001 (<c>TASK_NOT_FOUND</c>).</summary>
public class TaskNotFoundException : A2AException
{
    /// <summary>Creates the error for <paramref name="taskId"/>.</summary>
    public TaskNotFoundException(string taskId, Exception? innerException = null)
        : base($"Task not found: {taskId}. Check the id; tasks exist only after SendMessage or TaskManager.CreateTaskAsync created them, on the server (and store) that created them.",
            A2AErrorCodes.TaskNotFound, "TASK_NOT_FOUND", innerException)
    {
        TaskId = taskId;
    }

    /// <summary>Creates the error for <paramref name="taskId"/> with a message of its own (for example for a missing configuration of a known task).</summary>
    public TaskNotFoundException(string taskId, string message, Exception? innerException = null)
        : base(message, A2AErrorCodes.TaskNotFound, "TASK_NOT_FOUND", innerException)
    {
        TaskId = taskId;
    }

    private TaskNotFoundException(string message, bool fromWire)
        : base(message, A2AErrorCodes.TaskNotFound, "TASK_NOT_FOUND")
    {
        _ = fromWire;
        TaskId = "";
    }

    /// <summary>The id that was not found (empty when the error came from a remote server, whose message names it).</summary>
    public string TaskId { get; }

    /// <summary>The error as a remote server reported it, with the server's message.</summary>
    internal static TaskNotFoundException FromWire(string message) => new(message, fromWire: true);
}
