using A2A.Errors;
using A2A.Protocol;

namespace A2A.AspNetCore.Push;

/// <summary>
/// What a push notification configuration must be to be stored, and what of it a client may read back: the one home
/// of those rules for the create method and for the configuration inline in <c>SendMessage</c>.
/// </summary>
internal static class PushConfigRules
{
    private const int MaxUrlLength = 2048;
    private const int MaxIdLength = 256;
    private const int MaxSecretLength = 4096;

    /// <summary>
    /// The configuration to store for <paramref name="taskId"/>: checked (URL and destination, header-safe credentials)
    /// and given an id when it has none.
    /// </summary>
    /// <exception cref="InvalidParamsException">Something in it cannot be used; the message says what.</exception>
    public static TaskPushNotificationConfig Prepare(TaskPushNotificationConfig config, string taskId, PushDestinationPolicy policy, string field)
    {
        if (!string.IsNullOrEmpty(config.TaskId) && config.TaskId != taskId)
        {
            throw new InvalidParamsException($"{field}.taskId is '{config.TaskId}' but the configuration is for task '{taskId}'; leave it out or make them match.");
        }

        if (config.Url is { Length: > MaxUrlLength })
        {
            throw new InvalidParamsException($"{field}.url is longer than {MaxUrlLength} characters.");
        }

        if (policy.CheckUrl(config.Url) is { } refused)
        {
            throw new InvalidParamsException($"{field}.{refused}");
        }

        string id = string.IsNullOrEmpty(config.Id) ? Guid.NewGuid().ToString() : config.Id;
        if (id.Length > MaxIdLength || id.AsSpan().IndexOfAnyInRange('\0', '\u001f') >= 0)
        {
            throw new InvalidParamsException($"{field}.id must be at most {MaxIdLength} characters without control characters.");
        }
        if (config.Token is { Length: > 0 } token)
        {
            CheckHeaderSafe(token, $"{field}.token", MaxSecretLength);
        }

        if (config.Authentication is { } authentication)
        {
            if (string.IsNullOrEmpty(authentication.Scheme) || !authentication.Scheme.All(IsTokenChar))
            {
                throw new InvalidParamsException($"{field}.authentication.scheme must be an HTTP authentication scheme such as Bearer or Basic; got '{authentication.Scheme}'.");
            }

            if (string.IsNullOrEmpty(authentication.Credentials))
            {
                throw new InvalidParamsException($"{field}.authentication.credentials is empty; give the credentials the webhook expects, or leave authentication out.");
            }

            CheckHeaderSafe(authentication.Credentials, $"{field}.authentication.credentials", MaxSecretLength);
        }

        return config with { TaskId = taskId, Id = id, Url = config.Url.Trim() };
    }

    /// <summary>The configuration as a client may read it: the credentials are withheld (the scheme is kept).</summary>
    public static TaskPushNotificationConfig Redact(TaskPushNotificationConfig config) =>
        config.Authentication is { Credentials: not null } authentication ? config with { Authentication = authentication with { Credentials = null } } : config;

    // A value that goes into an HTTP header: a CR or LF would split it (header injection), other controls are refused by HTTP.
    private static void CheckHeaderSafe(string value, string name, int maxLength)
    {
        if (value.Length > maxLength)
        {
            throw new InvalidParamsException($"{name} is longer than {maxLength} characters.");
        }

        if (value.AsSpan().IndexOfAnyExceptInRange(' ', '~') >= 0)
        {
            throw new InvalidParamsException($"{name} must be printable ASCII: control characters (CR, LF and the like) and non-ASCII characters cannot be sent in an HTTP header.");
        }
    }

    // RFC 9110 token characters.
    private static bool IsTokenChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
