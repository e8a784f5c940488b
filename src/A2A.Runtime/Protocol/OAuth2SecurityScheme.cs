namespace A2A.Protocol;

/// <summary>OAuth 2.0 security scheme.</summary>
public sealed record OAuth2SecurityScheme
{
    /// <summary>Optional description.</summary>
    public string? Description { get; init; }

    /// <summary>The supported flow. Required.</summary>
    public OAuthFlows Flows { get; init; } = new();

    /// <summary>Authorization server metadata URL (RFC 8414).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("oauth2MetadataUrl")]
    public string? OAuth2MetadataUrl { get; init; }
}
