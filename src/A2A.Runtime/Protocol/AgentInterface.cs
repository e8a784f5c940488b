namespace A2A.Protocol;

/// <summary>One endpoint of an agent: URL, protocol binding and protocol version.</summary>
public sealed record AgentInterface
{
    /// <summary>Absolute URL of the endpoint. Required.</summary>
    public string Url { get; init; } = "";

    /// <summary>Binding: <c>JSONRPC</c>, <c>GRPC</c> or <c>HTTP+JSON</c>. Required.</summary>
    public string ProtocolBinding { get; init; } = "";

    /// <summary>Optional tenant id to send with requests.</summary>
    public string? Tenant { get; init; }

    /// <summary>A2A protocol version, for example <c>1.0</c>. Required.</summary>
    public string ProtocolVersion { get; init; } = "";
}
