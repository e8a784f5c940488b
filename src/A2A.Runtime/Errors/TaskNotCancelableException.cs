using A2A.Protocol;

namespace A2A.Errors;

/// <summary>The task is already in a terminal state and cannot be canceled. JSON-RPC code -32002 (<c>TASK_NOT_CANCELABLE</c>).</summary>
public class TaskNotCancelableException : A2AException
{
    /// <summary>Creates the error for <paramref name="taskId"/> in <paramref name="state"/>.</summary>
    public TaskNotCancelableException(string taskId, TaskState state)
        : base($"Task not cancelable: {taskId} is already {state.ToWireName()}, a terminal state. Terminal tasks never change; start a new task instead.",
            A2AErrorCodes.TaskNotCancelable, "TASK_NOT_CANCELABLE")
    {
        TaskId = taskId;
        State = state;
    }

    private TaskNotCancelableException(string message)
        : base(message, A2AErrorCodes.TaskNotCancelable, "TASK_NOT_CANCELABLE")
    {
        TaskId = "";
        State = TaskState.Unspecified;
    }

    /// <summary>The task that could not be canceled (empty when the error came from a remote server).</summary>
    public string TaskId { get; }

    /// <summary>Its (terminal) state; <see cref="TaskState.Unspecified"/> when the error came from a remote server.</summary>
    public TaskState State { get; }

    /// <summary>The error as a remote server reported it, with the server's message.</summary>
    internal static TaskNotCancelableException FromWire(string message) => new(message);
}
