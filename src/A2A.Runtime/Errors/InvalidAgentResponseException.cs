namespace A2A.Errors;

/// <summary>The agent sent a response or event that breaks the protocol, for example an append to an unknown artifact. JSON-RPC code -32006 (<c>INVALID_AGENT_RESPONSE</c>).</summary>
public class InvalidAgentResponseException : A2AException
{
    /// <summary>Creates the error with a message that says what was wrong and what to do.</summary>
    public InvalidAgentResponseException(string message, Exception? innerException = null)
        : base(message, A2AErrorCodes.InvalidAgentResponse, "INVALID_AGENT_RESPONSE", innerException)
    {
    }
}
