namespace A2A.Protocol;

/// <summary>The protocol binding names an agent card's <see cref="AgentInterface.ProtocolBinding"/> uses (spec 5).</summary>
public static class ProtocolBindings
{
    /// <summary>JSON-RPC 2.0 over HTTP, with server-sent events for streams.</summary>
    public const string JsonRpc = "JSONRPC";

    /// <summary>HTTP+JSON (REST): resources and verbs, with server-sent events for streams.</summary>
    public const string HttpJson = "HTTP+JSON";

    /// <summary>gRPC.</summary>
    public const string Grpc = "GRPC";
}
