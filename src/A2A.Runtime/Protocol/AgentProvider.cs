namespace A2A.Protocol;

/// <summary>The organization that provides an agent.</summary>
public sealed record AgentProvider
{
    /// <summary>Website of the provider. Required.</summary>
    public string Url { get; init; } = "";

    /// <summary>Name of the organization. Required.</summary>
    public string Organization { get; init; } = "";
}
