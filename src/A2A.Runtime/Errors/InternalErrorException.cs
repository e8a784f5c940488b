namespace A2A.Errors;

/// <summary>An internal error. JSON-RPC code -32603 (<c>INTERNAL</c>).</summary>
public class InternalErrorException : A2AException
{
    /// <summary>Creates the error with a message that says what was wrong and what to do.</summary>
    public InternalErrorException(string message, Exception? innerException = null)
        : base(message, A2AErrorCodes.InternalError, "INTERNAL", innerException)
    {
    }
}
