using System.Text.Json;
using System.Text.Json.Serialization;

namespace A2A.Protocol;

/// <summary>A security scheme: exactly one of its members is set (the proto's <c>scheme</c> oneof).</summary>
public sealed record SecurityScheme : IJsonOnDeserialized
{
    /// <summary>API key in a header, query parameter or cookie.</summary>
    public ApiKeySecurityScheme? ApiKeySecurityScheme { get; init; }

    /// <summary>HTTP authentication (Basic, Bearer ...).</summary>
    public HttpAuthSecurityScheme? HttpAuthSecurityScheme { get; init; }

    /// <summary>OAuth 2.0.</summary>
    [JsonPropertyName("oauth2SecurityScheme")]
    public OAuth2SecurityScheme? OAuth2SecurityScheme { get; init; }

    /// <summary>OpenID Connect.</summary>
    public OpenIdConnectSecurityScheme? OpenIdConnectSecurityScheme { get; init; }

    /// <summary>Mutual TLS.</summary>
    public MutualTlsSecurityScheme? MtlsSecurityScheme { get; init; }

    void IJsonOnDeserialized.OnDeserialized()
    {
        int count = (ApiKeySecurityScheme is null ? 0 : 1) + (HttpAuthSecurityScheme is null ? 0 : 1)
            + (OAuth2SecurityScheme is null ? 0 : 1) + (OpenIdConnectSecurityScheme is null ? 0 : 1) + (MtlsSecurityScheme is null ? 0 : 1);
        if (count != 1)
        {
            throw new JsonException("A security scheme must set exactly one scheme member; this one sets " + count + ".");
        }
    }
}
