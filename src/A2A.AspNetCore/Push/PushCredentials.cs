using System.Security.Cryptography;
using System.Text;

namespace A2A.AspNetCore.Push;

/// <summary>The credentials a push notification request carries.</summary>
/// <param name="Scheme">The <c>Authorization</c> header's scheme (for example <c>Bearer</c>), or null without the header.</param>
/// <param name="Credentials">The <c>Authorization</c> header's credentials, or null.</param>
/// <param name="Token">The configuration's token from the <c>X-A2A-Notification-Token</c> header, or null.</param>
public sealed record PushCredentials(string? Scheme, string? Credentials, string? Token)
{
    /// <summary>The header that carries a configuration's <c>token</c> (the name the JavaScript SDK uses too).</summary>
    public const string TokenHeader = "X-A2A-Notification-Token";

    /// <summary>Whether the <c>Authorization</c> header is <paramref name="scheme"/> (case-insensitive) with exactly <paramref name="credentials"/> (compared in constant time).</summary>
    public bool Matches(string? scheme, string? credentials) =>
        scheme is not null && credentials is not null
        && string.Equals(Scheme, scheme, StringComparison.OrdinalIgnoreCase)
        && FixedTimeEquals(Credentials, credentials);

    /// <summary>Whether the token header is exactly <paramref name="token"/> (compared in constant time).</summary>
    public bool MatchesToken(string? token) => token is not null && FixedTimeEquals(Token, token);

    private static bool FixedTimeEquals(string? actual, string expected) =>
        actual is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(actual), Encoding.UTF8.GetBytes(expected));
}
