namespace A2A.Protocol;

/// <summary>Optional protocol features an agent supports. Null means "not stated".</summary>
public sealed record AgentCapabilities
{
    private IReadOnlyList<AgentExtension> _extensions = [];

    /// <summary>Whether the agent streams (SendStreamingMessage, SubscribeToTask).</summary>
    public bool? Streaming { get; init; }

    /// <summary>Whether the agent sends push notifications.</summary>
    public bool? PushNotifications { get; init; }

    /// <summary>Protocol extensions the agent supports.</summary>
    public IReadOnlyList<AgentExtension> Extensions { get => _extensions; init => _extensions = value ?? []; }

    /// <summary>Whether the agent serves an extended card to authenticated clients.</summary>
    public bool? ExtendedAgentCard { get; init; }
}
