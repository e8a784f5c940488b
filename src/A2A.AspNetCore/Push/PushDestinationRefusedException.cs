namespace A2A.AspNetCore.Push;

/// <summary>A push notification was not sent because its destination is an internal address the server's options do not allow.</summary>
public sealed class PushDestinationRefusedException : HttpRequestException
{
    /// <summary>Creates the refusal with a message that names the destination and its addresses.</summary>
    public PushDestinationRefusedException(string message)
        : base(message)
    {
    }
}
