namespace A2A.Errors;

/// <summary>
/// A task store could not do its work: the database is unreachable, the disk is full, the file is not a task
/// store. JSON-RPC code -32603 (<c>INTERNAL</c>); the message names the store and the cause, the inner exception
/// is the driver's.
/// </summary>
public class TaskStoreException : InternalErrorException
{
    /// <summary>Creates the error with a message that says which store failed and why.</summary>
    public TaskStoreException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
