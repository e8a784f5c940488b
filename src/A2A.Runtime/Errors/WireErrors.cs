using System.Text.Json;

namespace A2A.Errors;

/// <summary>
/// The exception a client throws for an error an agent answered, whichever binding carried it: the A2A type for the
/// code (JSON-RPC) or the ErrorInfo reason (HTTP+JSON), so callers catch <see cref="TaskNotFoundException"/> and the
/// like whatever the transport.
/// </summary>
internal static class WireErrors
{
    private static readonly Dictionary<string, int> CodesByReason = new(StringComparer.Ordinal)
    {
        ["PARSE_ERROR"] = A2AErrorCodes.ParseError,
        ["INVALID_REQUEST"] = A2AErrorCodes.InvalidRequest,
        ["METHOD_NOT_FOUND"] = A2AErrorCodes.MethodNotFound,
        ["INVALID_PARAMS"] = A2AErrorCodes.InvalidParams,
        ["INTERNAL"] = A2AErrorCodes.InternalError,
        ["TASK_NOT_FOUND"] = A2AErrorCodes.TaskNotFound,
        ["TASK_NOT_CANCELABLE"] = A2AErrorCodes.TaskNotCancelable,
        ["PUSH_NOTIFICATION_NOT_SUPPORTED"] = A2AErrorCodes.PushNotificationNotSupported,
        ["UNSUPPORTED_OPERATION"] = A2AErrorCodes.UnsupportedOperation,
        ["CONTENT_TYPE_NOT_SUPPORTED"] = A2AErrorCodes.ContentTypeNotSupported,
        ["INVALID_AGENT_RESPONSE"] = A2AErrorCodes.InvalidAgentResponse,
        ["EXTENDED_AGENT_CARD_NOT_CONFIGURED"] = A2AErrorCodes.ExtendedAgentCardNotConfigured,
        ["EXTENSION_SUPPORT_REQUIRED"] = A2AErrorCodes.ExtensionSupportRequired,
        ["VERSION_NOT_SUPPORTED"] = A2AErrorCodes.VersionNotSupported,
    };

    /// <summary>The <c>reason</c> of the (last) ErrorInfo in an error's details array (JSON-RPC <c>data</c>, HTTP+JSON <c>details</c>), or null.</summary>
    public static string? ReasonIn(JsonElement error, string detailsMember)
    {
        string? reason = null;
        if (error.TryGetProperty(detailsMember, out JsonElement details) && details.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement detail in details.EnumerateArray())
            {
                if (detail.ValueKind == JsonValueKind.Object && detail.TryGetProperty("reason", out JsonElement r) && r.ValueKind == JsonValueKind.String)
                {
                    reason = r.GetString();
                }
            }
        }

        return reason;
    }

    /// <summary>The JSON-RPC code of an ErrorInfo reason, or null for a reason A2A does not define.</summary>
    public static int? CodeOf(string? reason) => reason is not null && CodesByReason.TryGetValue(reason, out int code) ? code : null;

    /// <summary>The exception for a JSON-RPC code (and the reason the agent gave, kept for codes A2A does not define).</summary>
    public static A2AException FromCode(int code, string? reason, string message) => code switch
    {
        A2AErrorCodes.ParseError => new ParseErrorException(message),
        A2AErrorCodes.InvalidRequest => new InvalidRequestException(message),
        A2AErrorCodes.MethodNotFound => new MethodNotFoundException(message),
        A2AErrorCodes.InvalidParams => new InvalidParamsException(message),
        A2AErrorCodes.InternalError => new InternalErrorException(message),
        A2AErrorCodes.TaskNotFound => TaskNotFoundException.FromWire(message),
        A2AErrorCodes.TaskNotCancelable => TaskNotCancelableException.FromWire(message),
        A2AErrorCodes.PushNotificationNotSupported => new PushNotificationNotSupportedException(message),
        A2AErrorCodes.UnsupportedOperation => new UnsupportedOperationException(message),
        A2AErrorCodes.ContentTypeNotSupported => new ContentTypeNotSupportedException(message),
        A2AErrorCodes.InvalidAgentResponse => new InvalidAgentResponseException(message),
        A2AErrorCodes.ExtendedAgentCardNotConfigured => new ExtendedAgentCardNotConfiguredException(message),
        A2AErrorCodes.ExtensionSupportRequired => new ExtensionSupportRequiredException(message),
        A2AErrorCodes.VersionNotSupported => new VersionNotSupportedException(message),
        _ => new A2AException(message, code, reason ?? "UNKNOWN"),
    };
}
