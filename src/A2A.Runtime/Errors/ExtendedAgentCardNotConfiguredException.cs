namespace A2A.Errors;

/// <summary>The agent has no extended agent card. JSON-RPC code -32007 (<c>EXTENDED_AGENT_CARD_NOT_CONFIGURED</c>).</summary>
public class ExtendedAgentCardNotConfiguredException : A2AException
{
    /// <summary>Creates the error with a message that says what was wrong and what to do.</summary>
    public ExtendedAgentCardNotConfiguredException(string message, Exception? innerException = null)
        : base(message, A2AErrorCodes.ExtendedAgentCardNotConfigured, "EXTENDED_AGENT_CARD_NOT_CONFIGURED", innerException)
    {
    }
}
