using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using A2A.Diagnostics;
using A2A.Errors;
using A2A.Json;
using A2A.JsonRpc;
using A2A.Protocol;
using A2A.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace A2A.AspNetCore;

/// <summary>
/// The JSON-RPC 2.0 binding of A2A v1.0 over HTTP POST: reads one request (size-limited, depth-limited), checks the
/// envelope and the <c>A2A-Version</c>, dispatches to <see cref="A2AAgentService"/>, and answers with a JSON-RPC
/// response or, for the streaming methods, a server-sent event stream of JSON-RPC responses. Every failure is a
/// JSON-RPC error with HTTP 200, as the A2A JSON-RPC binding (and the JavaScript SDK) answer: never an HTTP 500.
/// </summary>
internal sealed partial class JsonRpcEndpoint(A2AAgentService service, A2AServerOptions options, AgentEndpointRegistry.Agent agent, ILogger<JsonRpcEndpoint>? logger)
{
    private static readonly JsonElement NullResult = JsonDocument.Parse("null").RootElement.Clone();

    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    public async Task HandleAsync(HttpContext context)
    {
        CancellationToken aborted = context.RequestAborted;

        JsonDocument document;
        try
        {
            document = await RequestJson.ReadAsync(context.Request, options, aborted).ConfigureAwait(false);
        }
        catch (A2AException refused)
        {
            await RejectAsync(context, refused).ConfigureAwait(false);
            return;
        }

        using (document)
        {
            JsonElement id = default;
            string? method = null;
            bool v03 = false;
            long started = Stopwatch.GetTimestamp();
            using Activity? activity = A2ATelemetry.ActivitySource.StartActivity("A2A JSON-RPC", ActivityKind.Server);
            try
            {
                (id, method, JsonElement parameters) = ReadEnvelope(document.RootElement);
                activity?.SetTag("rpc.system", "jsonrpc");
                activity?.SetTag("rpc.method", method);
                activity?.DisplayName = "A2A " + method;
                v03 = RequestJson.IsV03(context.Request, options);
                await (v03 ? DispatchV03Async(context, id, method, parameters, aborted) : DispatchAsync(context, id, method, parameters, aborted)).ConfigureAwait(false);
                Record(method, null, started);
            }
            catch (A2AException error)
            {
                Fail(activity, method, error, started);
                await WriteErrorAsync(context, id, error, v03).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                var error = new InvalidParamsException($"Invalid params: {ex.Message}");
                Fail(activity, method, error, started);
                await WriteErrorAsync(context, id, error, v03).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (aborted.IsCancellationRequested)
            {
                // The client went away; there is nobody to answer.
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "A2A request {Method} failed unexpectedly.", method);
                var error = new InternalErrorException("Internal error; the server logged the details.");
                Fail(activity, method, error, started);
                await WriteErrorAsync(context, id, error, v03).ConfigureAwait(false);
            }
        }
    }

    // A request refused before its envelope could be read: no id to echo, no method to name.
    private Task RejectAsync(HttpContext context, A2AException error)
    {
        Fail(null, null, error, Stopwatch.GetTimestamp());
        return WriteErrorAsync(context, default, error, v03: false);
    }

    private void Fail(Activity? activity, string? method, A2AException error, long started)
    {
        activity?.SetStatus(ActivityStatusCode.Error, error.Reason);
        activity?.SetTag("rpc.jsonrpc.error_code", error.Code);
        _logger.LogDebug("A2A request {Method} answered error {Code}: {Message}", method ?? "(unreadable)", error.Code, error.Message);
        Record(method, error.Code, started);
    }

    private static void Record(string? method, int? errorCode, long started) =>
        RequestMetrics.Record(A2A.Protocol.ProtocolBindings.JsonRpc, method ?? "(unreadable)", errorCode, started);

    private async Task DispatchAsync(HttpContext context, JsonElement id, string method, JsonElement parameters, CancellationToken aborted)
    {
        switch (method)
        {
            case A2AMethods.SendMessage:
                SendMessageRequest send = Params(parameters, A2AJson.TypeInfo<SendMessageRequest>());
                SendMessageResponse sent = await service.SendMessageAsync(send, Caller(context, send.Tenant), aborted).ConfigureAwait(false);
                await WriteResultAsync(context, id, sent, A2AJson.TypeInfo<SendMessageResponse>()).ConfigureAwait(false);
                break;
            case A2AMethods.SendStreamingMessage:
                SendMessageRequest stream = Params(parameters, A2AJson.TypeInfo<SendMessageRequest>());
                await StreamAsync(context, id, await service.SendStreamingMessageAsync(stream, Caller(context, stream.Tenant), aborted).ConfigureAwait(false), aborted).ConfigureAwait(false);
                break;
            case A2AMethods.SubscribeToTask:
                SubscribeToTaskRequest subscribe = Params(parameters, A2AJson.TypeInfo<SubscribeToTaskRequest>());
                await StreamAsync(context, id, await service.SubscribeToTaskAsync(subscribe, Caller(context, subscribe.Tenant), aborted).ConfigureAwait(false), aborted).ConfigureAwait(false);
                break;
            case A2AMethods.GetTask:
                GetTaskRequest get = Params(parameters, A2AJson.TypeInfo<GetTaskRequest>());
                AgentTask task = await service.GetTaskAsync(get, Caller(context, get.Tenant), aborted).ConfigureAwait(false);
                await WriteResultAsync(context, id, task, A2AJson.TypeInfo<AgentTask>()).ConfigureAwait(false);
                break;
            case A2AMethods.ListTasks:
                ListTasksRequest list = parameters.ValueKind == JsonValueKind.Undefined ? new ListTasksRequest() : Params(parameters, A2AJson.TypeInfo<ListTasksRequest>());
                await WriteResultAsync(context, id, await service.ListTasksAsync(list, Caller(context, list.Tenant), aborted).ConfigureAwait(false), A2AJson.TypeInfo<ListTasksResponse>()).ConfigureAwait(false);
                break;
            case A2AMethods.CancelTask:
                CancelTaskRequest cancel = Params(parameters, A2AJson.TypeInfo<CancelTaskRequest>());
                AgentTask canceled = await service.CancelTaskAsync(cancel, Caller(context, cancel.Tenant), aborted).ConfigureAwait(false);
                await WriteResultAsync(context, id, canceled, A2AJson.TypeInfo<AgentTask>()).ConfigureAwait(false);
                break;
            case A2AMethods.GetExtendedAgentCard:
                // Spec 3.3.4: an agent whose card does not declare extendedAgentCard answers UnsupportedOperationError.
                if (await Security.ExtendedCard.GetAsync(context, agent, v03: false).ConfigureAwait(false) is { } extended)
                {
                    await WriteResultAsync(context, id, extended, A2AJson.TypeInfo<AgentCard>()).ConfigureAwait(false);
                }

                break;
            case A2AMethods.CreateTaskPushNotificationConfig:
                TaskPushNotificationConfig create = Params(parameters, A2AJson.TypeInfo<TaskPushNotificationConfig>());
                TaskPushNotificationConfig created = await service.CreateTaskPushNotificationConfigAsync(create, Caller(context, create.Tenant), aborted).ConfigureAwait(false);
                await WriteResultAsync(context, id, created, A2AJson.TypeInfo<TaskPushNotificationConfig>()).ConfigureAwait(false);
                break;
            case A2AMethods.GetTaskPushNotificationConfig:
                GetTaskPushNotificationConfigRequest getConfig = Params(parameters, A2AJson.TypeInfo<GetTaskPushNotificationConfigRequest>());
                TaskPushNotificationConfig config = await service.GetTaskPushNotificationConfigAsync(getConfig, Caller(context, getConfig.Tenant), aborted).ConfigureAwait(false);
                await WriteResultAsync(context, id, config, A2AJson.TypeInfo<TaskPushNotificationConfig>()).ConfigureAwait(false);
                break;
            case A2AMethods.ListTaskPushNotificationConfigs:
                ListTaskPushNotificationConfigsRequest listConfigs = Params(parameters, A2AJson.TypeInfo<ListTaskPushNotificationConfigsRequest>());
                ListTaskPushNotificationConfigsResponse configs = await service.ListTaskPushNotificationConfigsAsync(listConfigs, Caller(context, listConfigs.Tenant), aborted).ConfigureAwait(false);
                await WriteResultAsync(context, id, configs, A2AJson.TypeInfo<ListTaskPushNotificationConfigsResponse>()).ConfigureAwait(false);
                break;
            case A2AMethods.DeleteTaskPushNotificationConfig:
                // The result is empty (google.protobuf.Empty); null, as the JavaScript SDK answers.
                DeleteTaskPushNotificationConfigRequest delete = Params(parameters, A2AJson.TypeInfo<DeleteTaskPushNotificationConfigRequest>());
                await service.DeleteTaskPushNotificationConfigAsync(delete, Caller(context, delete.Tenant), aborted).ConfigureAwait(false);
                await WriteResultAsync(context, id, NullResult, A2AJson.TypeInfo<JsonElement>()).ConfigureAwait(false);
                break;
            default:
                throw new MethodNotFoundException($"Method not found: '{method}'. A2A v1.0 methods are SendMessage, SendStreamingMessage, GetTask, ListTasks, CancelTask, SubscribeToTask, GetExtendedAgentCard and the push notification config methods.");
        }
    }

    private TaskCaller Caller(HttpContext context, string? tenant, string protocolVersion = A2AMethods.ProtocolVersion) =>
        Security.TaskCallers.For(context.User, tenant, options, protocolVersion);

    private static T Params<T>(JsonElement parameters, JsonTypeInfo<T> info) =>
        ProtoFieldNames.ToJsonNames(RequireObject(parameters)).Deserialize(info) ?? throw new InvalidParamsException("params must be a JSON object.");

    // Every method's params are one JSON object.
    private static JsonElement RequireObject(JsonElement parameters) => parameters.ValueKind switch
    {
        JsonValueKind.Object => parameters,
        JsonValueKind.Undefined => throw new InvalidParamsException("params is required for this method."),
        _ => throw new InvalidParamsException($"params must be a JSON object, not {parameters.ValueKind}."),
    };

    // The request object: {"jsonrpc":"2.0","method":"...","params":{...},"id":1|"x"}.
    private static (JsonElement Id, string Method, JsonElement Params) ReadEnvelope(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            throw new InvalidRequestException("Batch requests are not supported; send one JSON-RPC request object per HTTP request.");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidRequestException($"The request must be a JSON-RPC request object, not {root.ValueKind}.");
        }

        if (!root.TryGetProperty("id", out JsonElement id))
        {
            throw new InvalidRequestException("The request has no id; every A2A method returns a result, so notifications (requests without an id) are not supported.");
        }

        if (id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
        {
            throw new InvalidRequestException($"The request id must be a string or a number, not {id.ValueKind}.");
        }

        if (!root.TryGetProperty("jsonrpc", out JsonElement version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
        {
            throw new InvalidRequestWithIdException(id, "The request must have \"jsonrpc\": \"2.0\".");
        }

        if (!root.TryGetProperty("method", out JsonElement method) || method.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(method.GetString()))
        {
            throw new InvalidRequestWithIdException(id, "The request must have a non-empty string \"method\".");
        }

        root.TryGetProperty("params", out JsonElement parameters);
        return (id, method.GetString()!, parameters);
    }

    // Each event is a JSON-RPC response with the request's id; an error after the start is the last one.
    private static Task StreamAsync(HttpContext context, JsonElement id, IAsyncEnumerable<StreamResponse> events, CancellationToken aborted) =>
        EventStream.WriteAsync(
            context.Response,
            events,
            (writer, item) => WriteEnvelope(writer, id, writer => JsonSerializer.Serialize(writer, item, A2AJson.TypeInfo<StreamResponse>()), error: false),
            (writer, error) => WriteEnvelope(writer, id, writer => JsonRpcError.Write(writer, error), error: true),
            aborted);

    private static Task WriteResultAsync<T>(HttpContext context, JsonElement id, T result, JsonTypeInfo<T> info) =>
        ResponseJson.WriteAsync(context.Response, StatusCodes.Status200OK, "application/json", writer => WriteEnvelope(writer, id, writer => JsonSerializer.Serialize(writer, result, info), error: false));

    private static Task WriteErrorAsync(HttpContext context, JsonElement id, A2AException error, bool v03)
    {
        if (error is InvalidRequestWithIdException withId)
        {
            id = withId.Id;
        }

        return context.Response.HasStarted
            ? Task.CompletedTask
            : ResponseJson.WriteAsync(context.Response, StatusCodes.Status200OK, "application/json", writer => WriteEnvelope(writer, id, writer => WriteError(writer, error, v03), error: true));
    }

    // v1.0 errors carry google.rpc.ErrorInfo in data; v0.3 ones are {code, message}.
    private static void WriteError(Utf8JsonWriter writer, A2AException error, bool v03)
    {
        if (v03)
        {
            JsonRpcError.WriteLegacy(writer, error);
        }
        else
        {
            JsonRpcError.Write(writer, error);
        }
    }

    // {"jsonrpc":"2.0","id":<id or null>,"result"|"error":...}, the JavaScript SDK's member order.
    private static void WriteEnvelope(Utf8JsonWriter writer, JsonElement id, Action<Utf8JsonWriter> writeValue, bool error)
    {
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", "2.0");
        writer.WritePropertyName("id");
        if (id.ValueKind is JsonValueKind.String or JsonValueKind.Number)
        {
            id.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WritePropertyName(error ? "error" : "result");
        writeValue(writer);
        writer.WriteEndObject();
    }

    /// <summary>An invalid request whose id could be read, so the error response can echo it.</summary>
    private sealed class InvalidRequestWithIdException(JsonElement id, string message) : InvalidRequestException(message)
    {
        public JsonElement Id { get; } = id.Clone();
    }
}
