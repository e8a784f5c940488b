namespace A2A.Errors;

/// <summary>The agent does not support push notifications. JSON-RPC code -32003 (<c>PUSH_NOTIFICATION_NOT_SUPPORTED</c>).</summary>
public class PushNotificationNotSupportedException : A2AException
{
    /// <summary>Creates the error with a message that says what was wrong and what to do.</summary>
    public PushNotificationNotSupportedException(string message, Exception? innerException = null)
        : base(message, A2AErrorCodes.PushNotificationNotSupported, "PUSH_NOTIFICATION_NOT_SUPPORTED", innerException)
    {
    }
}
