namespace A2A.Protocol;

/// <summary>
/// One OAuth 2.0 flow. The proto has one message per flow kind with overlapping fields; they are folded into one
/// record here because every field means the same in each (which fields are required depends on the flow).
/// </summary>
public sealed record OAuthFlow
{
    /// <summary>Authorization endpoint (authorization code, implicit).</summary>
    public string? AuthorizationUrl { get; init; }

    /// <summary>Device authorization endpoint (device code).</summary>
    public string? DeviceAuthorizationUrl { get; init; }

    /// <summary>Token endpoint.</summary>
    public string? TokenUrl { get; init; }

    /// <summary>Refresh endpoint.</summary>
    public string? RefreshUrl { get; init; }

    /// <summary>Scope name to description.</summary>
    public IReadOnlyDictionary<string, string>? Scopes { get; init; }

    /// <summary>Whether PKCE is required (authorization code).</summary>
    public bool PkceRequired { get; init; }
}
