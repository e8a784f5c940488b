namespace A2A.Errors;

/// <summary>
/// A task already has as many push notification configurations as the server allows. An invalid-params error
/// (JSON-RPC code -32602): the client deletes one, or replaces one by its id.
/// </summary>
public class PushConfigLimitExceededException : InvalidParamsException
{
    /// <summary>Creates the error for a task and the limit it reached.</summary>
    public PushConfigLimitExceededException(string taskId, int limit)
        : base($"Task {taskId} already has {limit} push notification configurations, the most allowed; delete one (DeleteTaskPushNotificationConfig) or replace one by its id.")
    {
        TaskId = taskId;
        Limit = limit;
    }

    /// <summary>The task.</summary>
    public string TaskId { get; }

    /// <summary>The most configurations a task may have.</summary>
    public int Limit { get; }
}
