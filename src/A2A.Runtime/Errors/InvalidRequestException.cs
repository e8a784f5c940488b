namespace A2A.Errors;

/// <summary>The body is JSON but not a valid JSON-RPC request. JSON-RPC code -32600 (<c>INVALID_REQUEST</c>).</summary>
public class InvalidRequestException : A2AException
{
    /// <summary>Creates the error with a message that says what was wrong and what to do.</summary>
    public InvalidRequestException(string message, Exception? innerException = null)
        : base(message, A2AErrorCodes.InvalidRequest, "INVALID_REQUEST", innerException)
    {
    }
}
