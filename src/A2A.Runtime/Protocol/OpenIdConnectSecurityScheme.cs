namespace A2A.Protocol;

/// <summary>OpenID Connect security scheme.</summary>
public sealed record OpenIdConnectSecurityScheme
{
    /// <summary>Optional description.</summary>
    public string? Description { get; init; }

    /// <summary>The OpenID Connect discovery URL. Required.</summary>
    public string OpenIdConnectUrl { get; init; } = "";
}
