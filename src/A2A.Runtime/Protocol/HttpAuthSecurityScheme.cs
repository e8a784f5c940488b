namespace A2A.Protocol;

/// <summary>HTTP authentication security scheme (RFC 7235).</summary>
public sealed record HttpAuthSecurityScheme
{
    /// <summary>Optional description.</summary>
    public string? Description { get; init; }

    /// <summary>The scheme name, for example <c>Bearer</c>. Required.</summary>
    public string Scheme { get; init; } = "";

    /// <summary>Hint about the bearer token format, for example <c>JWT</c>.</summary>
    public string? BearerFormat { get; init; }
}
