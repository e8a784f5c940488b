namespace A2A.Protocol;

/// <summary>API key security scheme.</summary>
public sealed record ApiKeySecurityScheme
{
    /// <summary>Optional description.</summary>
    public string? Description { get; init; }

    /// <summary>Where the key goes: <c>query</c>, <c>header</c> or <c>cookie</c>. Required.</summary>
    public string Location { get; init; } = "";

    /// <summary>Name of the header, query parameter or cookie. Required.</summary>
    public string Name { get; init; } = "";
}
