namespace A2A.Protocol;

/// <summary>A set of security schemes that together satisfy a requirement, each with its required scopes.</summary>
public sealed record SecurityRequirement
{
    /// <summary>Scheme name (a key of <see cref="AgentCard.SecuritySchemes"/>) to required scopes.</summary>
    public IReadOnlyDictionary<string, StringList>? Schemes { get; init; }
}
