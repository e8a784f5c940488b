namespace A2A.Errors;

/// <summary>The request parameters are invalid, for example a missing required field or a task/context id mismatch. JSON-RPC code -32602 (<c>INVALID_PARAMS</c>).</summary>
public class InvalidParamsException : A2AException
{
    /// <summary>Creates the error with a message that says what was wrong and what to do.</summary>
    public InvalidParamsException(string message, Exception? innerException = null)
        : base(message, A2AErrorCodes.InvalidParams, "INVALID_PARAMS", innerException)
    {
    }
}
