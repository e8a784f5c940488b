using System.Text.Json;
using A2A.Errors;

namespace A2A.JsonRpc;

/// <summary>
/// The <c>error</c> member of a JSON-RPC response, with A2A's <c>google.rpc.ErrorInfo</c> in <c>data</c>, and the
/// mapping between it and the <see cref="A2AException"/> family.
/// </summary>
public static class JsonRpcError
{
    /// <summary>The <c>@type</c> of the ErrorInfo detail.</summary>
    public const string ErrorInfoType = "type.googleapis.com/google.rpc.ErrorInfo";

    /// <summary>The ErrorInfo domain of A2A errors.</summary>
    public const string Domain = "a2a-protocol.org";

    /// <summary>Writes <c>{"code":..,"message":..,"data":[ErrorInfo]}</c> for <paramref name="error"/>.</summary>
    public static void Write(Utf8JsonWriter writer, A2AException error)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(error);
        writer.WriteStartObject();
        writer.WriteNumber("code", error.Code);
        writer.WriteString("message", error.Message);
        writer.WriteStartArray("data");
        writer.WriteStartObject();
        writer.WriteString("@type", ErrorInfoType);
        writer.WriteString("reason", error.Reason);
        writer.WriteString("domain", Domain);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes the A2A v0.3 shape, <c>{"code":..,"message":..}</c>, for <paramref name="error"/>.</summary>
    internal static void WriteLegacy(Utf8JsonWriter writer, A2AException error)
    {
        writer.WriteStartObject();
        writer.WriteNumber("code", error.Code);
        writer.WriteString("message", error.Message);
        writer.WriteEndObject();
    }

    /// <summary>
    /// The exception a client throws for a JSON-RPC error: the A2A type for the code (so callers can catch
    /// <see cref="TaskNotFoundException"/> and the like), carrying the server's message.
    /// </summary>
    public static A2AException ToException(JsonElement error)
    {
        int code = error.TryGetProperty("code", out JsonElement c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out int value) ? value : A2AErrorCodes.InternalError;
        string message = error.TryGetProperty("message", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "The server returned an error without a message.";
        string? reason = WireErrors.ReasonIn(error, "data");
        return WireErrors.FromCode(code, reason, message);
    }
}
