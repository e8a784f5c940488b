namespace A2A.Protocol;

/// <summary>Where and how an agent sends push notifications about one task.</summary>
public sealed record TaskPushNotificationConfig
{
    /// <summary>Optional tenant id.</summary>
    public string? Tenant { get; init; }

    /// <summary>Id of this configuration.</summary>
    public string? Id { get; init; }

    /// <summary>The task the configuration belongs to.</summary>
    public string? TaskId { get; init; }

    /// <summary>The URL notifications are posted to. Required.</summary>
    public string Url { get; init; } = "";

    /// <summary>A token the receiver uses to validate notifications.</summary>
    public string? Token { get; init; }

    /// <summary>Credentials for calling <see cref="Url"/>.</summary>
    public AuthenticationInfo? Authentication { get; init; }
}
