namespace A2A.Errors;

/// <summary>
/// A compare-and-swap write to a task store lost: the task's version changed since it was read. The task manager
/// retries on this after re-checking the lifecycle against the fresh state; store implementations throw it.
/// </summary>
public class TaskVersionConflictException : A2AException
{
    /// <summary>Creates the error.</summary>
    public TaskVersionConflictException(string taskId, long expectedVersion, long actualVersion)
        : base($"Task {taskId} was changed by another writer: expected version {expectedVersion}, found {actualVersion}. Read the task again and retry the change.",
            A2AErrorCodes.InternalError, "TASK_VERSION_CONFLICT")
    {
        TaskId = taskId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The task.</summary>
    public string TaskId { get; }

    /// <summary>The version the writer read.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version the store holds.</summary>
    public long ActualVersion { get; }
}
