namespace A2A.Errors;

/// <summary>JSON-RPC error codes of A2A v1.0 (specification section 5.4) and JSON-RPC 2.0.</summary>
public static class A2AErrorCodes
{
    /// <summary>Invalid JSON was received.</summary>
    public const int ParseError = -32700;
    /// <summary>The JSON is not a valid JSON-RPC request.</summary>
    public const int InvalidRequest = -32600;
    /// <summary>The method does not exist.</summary>
    public const int MethodNotFound = -32601;
    /// <summary>Invalid method parameters.</summary>
    public const int InvalidParams = -32602;
    /// <summary>Internal error.</summary>
    public const int InternalError = -32603;
    /// <summary>The task id is unknown.</summary>
    public const int TaskNotFound = -32001;
    /// <summary>The task cannot be canceled (it is already terminal).</summary>
    public const int TaskNotCancelable = -32002;
    /// <summary>The agent does not support push notifications.</summary>
    public const int PushNotificationNotSupported = -32003;
    /// <summary>The operation is not supported, for example a message to a terminal task.</summary>
    public const int UnsupportedOperation = -32004;
    /// <summary>A content type is not supported.</summary>
    public const int ContentTypeNotSupported = -32005;
    /// <summary>The agent produced an invalid response.</summary>
    public const int InvalidAgentResponse = -32006;
    /// <summary>The agent has no extended card configured.</summary>
    public const int ExtendedAgentCardNotConfigured = -32007;
    /// <summary>The client must support an extension the agent requires.</summary>
    public const int ExtensionSupportRequired = -32008;
    /// <summary>The requested A2A protocol version is not supported.</summary>
    public const int VersionNotSupported = -32009;
}
