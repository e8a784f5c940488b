namespace A2A.Protocol;

/// <summary>Credentials an agent uses when it calls a push-notification endpoint.</summary>
public sealed record AuthenticationInfo
{
    /// <summary>HTTP authentication scheme, for example <c>Bearer</c>. Required.</summary>
    public string Scheme { get; init; } = "";

    /// <summary>The credentials, in the scheme's format.</summary>
    public string? Credentials { get; init; }
}
