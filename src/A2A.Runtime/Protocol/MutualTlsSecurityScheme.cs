namespace A2A.Protocol;

/// <summary>Mutual TLS security scheme.</summary>
public sealed record MutualTlsSecurityScheme
{
    /// <summary>Optional description.</summary>
    public string? Description { get; init; }
}
