namespace A2A.Errors;

/// <summary>A content or media type is not supported. JSON-RPC code -32005 (<c>CONTENT_TYPE_NOT_SUPPORTED</c>).</summary>
public class ContentTypeNotSupportedException : A2AException
{
    /// <summary>Creates the error with a message that says what was wrong and what to do.</summary>
    public ContentTypeNotSupportedException(string message, Exception? innerException = null)
        : base(message, A2AErrorCodes.ContentTypeNotSupported, "CONTENT_TYPE_NOT_SUPPORTED", innerException)
    {
    }
}
