using System.Text.Json;
using A2A.Errors;
using A2A.JsonRpc;
using Microsoft.AspNetCore.Http;

namespace A2A.AspNetCore.Rest;

/// <summary>
/// A2A errors in the HTTP+JSON binding (spec 5.4 and 11.6): the HTTP status of each error type and the
/// <c>google.rpc.Status</c> body, <c>{"error":{"code","status","message","details":[ErrorInfo]}}</c>.
/// </summary>
internal static class RestErrors
{
    /// <summary>The HTTP status and gRPC status name of an error, per the spec's mapping table.</summary>
    public static (int Http, string Status) StatusOf(A2AException error) => error.Code switch
    {
        A2AErrorCodes.TaskNotFound => (StatusCodes.Status404NotFound, "NOT_FOUND"),
        A2AErrorCodes.MethodNotFound => (StatusCodes.Status404NotFound, "NOT_FOUND"),
        A2AErrorCodes.ParseError or A2AErrorCodes.InvalidRequest or A2AErrorCodes.InvalidParams or A2AErrorCodes.ContentTypeNotSupported
            => (StatusCodes.Status400BadRequest, "INVALID_ARGUMENT"),
        A2AErrorCodes.InternalError or A2AErrorCodes.InvalidAgentResponse => (StatusCodes.Status500InternalServerError, "INTERNAL"),
        _ => (StatusCodes.Status400BadRequest, "FAILED_PRECONDITION"),
    };

    /// <summary>The HTTP status of an error in the v0.3 HTTP+JSON binding (whose body is <c>{"code","message"}</c>), as the JavaScript SDK maps them.</summary>
    public static int V03StatusOf(A2AException error) => error.Code switch
    {
        A2AErrorCodes.TaskNotFound or A2AErrorCodes.MethodNotFound => StatusCodes.Status404NotFound,
        A2AErrorCodes.InternalError or A2AErrorCodes.InvalidAgentResponse => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>Writes the error object (the value of the body's <c>error</c> member).</summary>
    public static void Write(Utf8JsonWriter writer, A2AException error)
    {
        (int http, string status) = StatusOf(error);
        writer.WriteStartObject();
        writer.WriteNumber("code", http);
        writer.WriteString("status", status);
        writer.WriteString("message", error.Message);
        writer.WriteStartArray("details");
        writer.WriteStartObject();
        writer.WriteString("@type", JsonRpcError.ErrorInfoType);
        writer.WriteString("reason", error.Reason);
        writer.WriteString("domain", JsonRpcError.Domain);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
