namespace A2A.Errors;

/// <summary>The client must support an extension the agent requires. JSON-RPC code -32008 (<c>EXTENSION_SUPPORT_REQUIRED</c>).</summary>
public class ExtensionSupportRequiredException : A2AException
{
    /// <summary>Creates the error with a message that says what was wrong and what to do.</summary>
    public ExtensionSupportRequiredException(string message, Exception? innerException = null)
        : base(message, A2AErrorCodes.ExtensionSupportRequired, "EXTENSION_SUPPORT_REQUIRED", innerException)
    {
    }
}
