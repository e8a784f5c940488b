using System.Text.Json;
using System.Text.Json.Serialization;

namespace A2A.Protocol;

/// <summary>The OAuth 2.0 flow of an <see cref="OAuth2SecurityScheme"/>: exactly one member is set.</summary>
public sealed record OAuthFlows : IJsonOnDeserialized
{
    /// <summary>Authorization code flow.</summary>
    public OAuthFlow? AuthorizationCode { get; init; }

    /// <summary>Client credentials flow.</summary>
    public OAuthFlow? ClientCredentials { get; init; }

    /// <summary>Implicit flow (deprecated by the spec).</summary>
    public OAuthFlow? Implicit { get; init; }

    /// <summary>Password flow (deprecated by the spec).</summary>
    public OAuthFlow? Password { get; init; }

    /// <summary>Device code flow (RFC 8628).</summary>
    public OAuthFlow? DeviceCode { get; init; }

    void IJsonOnDeserialized.OnDeserialized()
    {
        int count = (AuthorizationCode is null ? 0 : 1) + (ClientCredentials is null ? 0 : 1) + (Implicit is null ? 0 : 1)
            + (Password is null ? 0 : 1) + (DeviceCode is null ? 0 : 1);
        if (count != 1)
        {
            throw new JsonException("OAuth flows must set exactly one flow; this one sets " + count + ".");
        }
    }
}
