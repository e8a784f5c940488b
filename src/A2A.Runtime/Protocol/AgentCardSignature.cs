using System.Text.Json;

namespace A2A.Protocol;

/// <summary>A JWS signature of an <see cref="AgentCard"/> (RFC 7515).</summary>
public sealed record AgentCardSignature
{
    /// <summary>Base64url-encoded protected JWS header. Required.</summary>
    public string Protected { get; init; } = "";

    /// <summary>Base64url-encoded signature. Required.</summary>
    public string Signature { get; init; } = "";

    /// <summary>Unprotected JWS header values.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Header { get; init; }
}
