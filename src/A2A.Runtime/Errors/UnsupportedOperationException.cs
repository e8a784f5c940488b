namespace A2A.Errors;

/// <summary>The operation is not supported in the task's current state or by this agent. JSON-RPC code -32004 (<c>UNSUPPORTED_OPERATION</c>).</summary>
public class UnsupportedOperationException : A2AException
{
    /// <summary>Creates the error with a message that says what was wrong and what to do.</summary>
    public UnsupportedOperationException(string message, Exception? innerException = null)
        : base(message, A2AErrorCodes.UnsupportedOperation, "UNSUPPORTED_OPERATION", innerException)
    {
    }
}
