namespace A2A.Protocol.V03;

/// <summary>The A2A v0.3 JSON-RPC method names and the v0.3 HTTP+JSON route prefix.</summary>
internal static class V03Methods
{
    public const string MessageSend = "message/send";
    public const string MessageStream = "message/stream";
    public const string TasksGet = "tasks/get";
    public const string TasksCancel = "tasks/cancel";
    public const string TasksResubscribe = "tasks/resubscribe";
    public const string PushConfigSet = "tasks/pushNotificationConfig/set";
    public const string PushConfigGet = "tasks/pushNotificationConfig/get";
    public const string PushConfigList = "tasks/pushNotificationConfig/list";
    public const string PushConfigDelete = "tasks/pushNotificationConfig/delete";
    public const string GetAuthenticatedExtendedCard = "agent/getAuthenticatedExtendedCard";

    /// <summary>What the <c>A2A-Version</c> header says for v0.3 (a v0.3 client may also send none).</summary>
    public const string Version = "0.3";

    /// <summary>Whether a protocol version is a v0.3 one (<c>0.3</c>, <c>0.3.0</c>, ...).</summary>
    public static bool IsV03(string? version) => version is not null && (version == Version || version.StartsWith(Version + ".", StringComparison.Ordinal));

    /// <summary>The v0.3 extensions header (v1.0 names it <c>A2A-Extensions</c>).</summary>
    public const string ExtensionsHeader = "X-A2A-Extensions";
}
