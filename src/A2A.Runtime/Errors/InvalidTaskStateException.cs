using A2A.Protocol;

namespace A2A.Errors;

/// <summary>
/// A change the task lifecycle does not allow: leaving a terminal state, a transition the table forbids, or a state
/// the agent did not declare. On the wire it is -32004 (<c>UNSUPPORTED_OPERATION</c>), as the spec asks for
/// messages to terminal tasks.
/// </summary>
public class InvalidTaskStateException : UnsupportedOperationException
{
    /// <summary>Creates the error.</summary>
    /// <param name="taskId">The task.</param>
    /// <param name="currentState">Its state when the change was attempted.</param>
    /// <param name="requestedState">The state the change asked for, or null when the change was not a status change (an artifact, a message).</param>
    /// <param name="message">What was wrong and what to do.</param>
    public InvalidTaskStateException(string taskId, TaskState currentState, TaskState? requestedState, string message)
        : base(message)
    {
        TaskId = taskId;
        CurrentState = currentState;
        RequestedState = requestedState;
    }

    /// <summary>The task.</summary>
    public string TaskId { get; }

    /// <summary>The task's state when the change was attempted.</summary>
    public TaskState CurrentState { get; }

    /// <summary>The requested state, or null for a non-status change.</summary>
    public TaskState? RequestedState { get; }
}
