namespace A2A.Errors;

/// <summary>The requested A2A protocol version is not supported. JSON-RPC code -32009 (<c>VERSION_NOT_SUPPORTED</c>).</summary>
public class VersionNotSupportedException : A2AException
{
    /// <summary>Creates the error with a message that says what was wrong and what to do.</summary>
    public VersionNotSupportedException(string message, Exception? innerException = null)
        : base(message, A2AErrorCodes.VersionNotSupported, "VERSION_NOT_SUPPORTED", innerException)
    {
    }
}
