namespace A2A.Errors;

/// <summary>The JSON-RPC method does not exist. JSON-RPC code -32601 (<c>METHOD_NOT_FOUND</c>).</summary>
public class MethodNotFoundException : A2AException
{
    /// <summary>Creates the error with a message that says what was wrong and what to do.</summary>
    public MethodNotFoundException(string message, Exception? innerException = null)
        : base(message, A2AErrorCodes.MethodNotFound, "METHOD_NOT_FOUND", innerException)
    {
    }
}
