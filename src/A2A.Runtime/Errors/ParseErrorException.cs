namespace A2A.Errors;

/// <summary>The request body is not valid JSON. JSON-RPC code -32700 (<c>PARSE_ERROR</c>).</summary>
public class ParseErrorException : A2AException
{
    /// <summary>Creates the error with a message that says what was wrong and what to do.</summary>
    public ParseErrorException(string message, Exception? innerException = null)
        : base(message, A2AErrorCodes.ParseError, "PARSE_ERROR", innerException)
    {
    }
}
