using System.Diagnostics;
using System.Globalization;
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

namespace A2A.AspNetCore.Rest;

/// <summary>
/// The HTTP+JSON (REST) binding of A2A v1.0 (spec 11), under the agent's route next to its JSON-RPC endpoint:
/// <c>POST message:send</c>, <c>POST message:stream</c>, <c>GET tasks</c>, <c>GET tasks/{id}</c>,
/// <c>POST tasks/{id}:cancel</c>, <c>POST tasks/{id}:subscribe</c>, the push configuration resources under
/// <c>tasks/{id}/pushNotificationConfigs</c>, and <c>GET extendedAgentCard</c>. Bodies are the ProtoJSON request
/// messages, GET parameters come from the query (camelCase), streams are server-sent events of bare
/// <c>StreamResponse</c>s, and errors are <c>google.rpc.Status</c> bodies with the spec's HTTP status codes.
/// </summary>
internal sealed partial class RestEndpoint(A2AAgentService service, A2AServerOptions options, AgentEndpointRegistry.Agent agent, ILogger<RestEndpoint>? logger)
{
    private const string Json = "application/a2a+json";

    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>Handles a request whose path below the agent's route is <paramref name="path"/> (as ASP.NET Core decoded it: all but %2F).</summary>
    public async Task HandleAsync(HttpContext context, string path)
    {
        CancellationToken aborted = context.RequestAborted;
        long started = Stopwatch.GetTimestamp();
        string? method = null;
        bool v03 = false;
        using Activity? activity = A2ATelemetry.ActivitySource.StartActivity("A2A HTTP+JSON", ActivityKind.Server);
        try
        {
            v03 = RequestJson.IsV03(context.Request, options);
            RestRoute route = v03 ? ParseV03(context.Request.Method, path) : RestRoute.Parse(context.Request.Method, path);
            method = route.Method;
            activity?.SetTag("rpc.system", "a2a-http-json");
            activity?.SetTag("rpc.method", method);
            activity?.DisplayName = "A2A " + method;
            await (v03 ? DispatchV03Async(context, route, aborted) : DispatchAsync(context, route, aborted)).ConfigureAwait(false);
            Record(method, null, started);
        }
        catch (A2AException error)
        {
            Fail(activity, method, error, started);
            await WriteErrorAsync(context, error, v03).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            var error = new InvalidParamsException($"Invalid request body: {ex.Message}");
            Fail(activity, method, error, started);
            await WriteErrorAsync(context, error, v03).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "A2A HTTP+JSON request {Method} failed unexpectedly.", method);
            var error = new InternalErrorException("Internal error; the server logged the details.");
            Fail(activity, method, error, started);
            await WriteErrorAsync(context, error, v03).ConfigureAwait(false);
        }
    }

    private async Task DispatchAsync(HttpContext context, RestRoute route, CancellationToken aborted)
    {
        IQueryCollection query = context.Request.Query;
        switch (route.Method)
        {
            case A2AMethods.SendMessage:
                SendMessageRequest send = await BodyAsync(context, A2AJson.TypeInfo<SendMessageRequest>(), aborted).ConfigureAwait(false);
                await WriteAsync(context, await service.SendMessageAsync(send, Caller(context, route, send.Tenant), aborted).ConfigureAwait(false), A2AJson.TypeInfo<SendMessageResponse>()).ConfigureAwait(false);
                break;
            case A2AMethods.SendStreamingMessage:
                SendMessageRequest stream = await BodyAsync(context, A2AJson.TypeInfo<SendMessageRequest>(), aborted).ConfigureAwait(false);
                await StreamAsync(context, await service.SendStreamingMessageAsync(stream, Caller(context, route, stream.Tenant), aborted).ConfigureAwait(false), aborted).ConfigureAwait(false);
                break;
            case A2AMethods.GetTask:
                AgentTask task = await service.GetTaskAsync(new GetTaskRequest { Id = route.TaskId, HistoryLength = Int(query, "historyLength") }, Caller(context, route), aborted).ConfigureAwait(false);
                await WriteAsync(context, task, A2AJson.TypeInfo<AgentTask>()).ConfigureAwait(false);
                break;
            case A2AMethods.ListTasks:
                var list = new ListTasksRequest
                {
                    ContextId = Text(query, "contextId"),
                    Status = State(query, "status"),
                    PageSize = Int(query, "pageSize"),
                    PageToken = Text(query, "pageToken"),
                    HistoryLength = Int(query, "historyLength"),
                    StatusTimestampAfter = Timestamp(query, "statusTimestampAfter"),
                    IncludeArtifacts = Bool(query, "includeArtifacts"),
                };
                await WriteAsync(context, await service.ListTasksAsync(list, Caller(context, route), aborted).ConfigureAwait(false), A2AJson.TypeInfo<ListTasksResponse>()).ConfigureAwait(false);
                break;
            case A2AMethods.CancelTask:
                CancelTaskRequest cancel = await OptionalBodyAsync(context, A2AJson.TypeInfo<CancelTaskRequest>(), aborted).ConfigureAwait(false) ?? new CancelTaskRequest();
                AgentTask canceled = await service.CancelTaskAsync(cancel with { Id = route.TaskId }, Caller(context, route, cancel.Tenant), aborted).ConfigureAwait(false);
                await WriteAsync(context, canceled, A2AJson.TypeInfo<AgentTask>()).ConfigureAwait(false);
                break;
            case A2AMethods.SubscribeToTask:
                await StreamAsync(context, await service.SubscribeToTaskAsync(new SubscribeToTaskRequest { Id = route.TaskId }, Caller(context, route), aborted).ConfigureAwait(false), aborted).ConfigureAwait(false);
                break;
            case A2AMethods.CreateTaskPushNotificationConfig:
                TaskPushNotificationConfig config = await BodyAsync(context, A2AJson.TypeInfo<TaskPushNotificationConfig>(), aborted).ConfigureAwait(false);
                if (!string.IsNullOrEmpty(config.TaskId) && config.TaskId != route.TaskId)
                {
                    throw new InvalidParamsException($"The body's taskId '{config.TaskId}' does not match the task in the path, '{route.TaskId}'.");
                }

                TaskPushNotificationConfig created = await service.CreateTaskPushNotificationConfigAsync(config with { TaskId = route.TaskId }, Caller(context, route, config.Tenant), aborted).ConfigureAwait(false);
                await WriteAsync(context, created, A2AJson.TypeInfo<TaskPushNotificationConfig>()).ConfigureAwait(false);
                break;
            case A2AMethods.GetTaskPushNotificationConfig:
                TaskPushNotificationConfig found = await service.GetTaskPushNotificationConfigAsync(new GetTaskPushNotificationConfigRequest { TaskId = route.TaskId, Id = route.ConfigId }, Caller(context, route), aborted).ConfigureAwait(false);
                await WriteAsync(context, found, A2AJson.TypeInfo<TaskPushNotificationConfig>()).ConfigureAwait(false);
                break;
            case A2AMethods.ListTaskPushNotificationConfigs:
                var configs = new ListTaskPushNotificationConfigsRequest { TaskId = route.TaskId, PageSize = Int(query, "pageSize"), PageToken = Text(query, "pageToken") };
                await WriteAsync(context, await service.ListTaskPushNotificationConfigsAsync(configs, Caller(context, route), aborted).ConfigureAwait(false), A2AJson.TypeInfo<ListTaskPushNotificationConfigsResponse>()).ConfigureAwait(false);
                break;
            case A2AMethods.DeleteTaskPushNotificationConfig:
                await service.DeleteTaskPushNotificationConfigAsync(new DeleteTaskPushNotificationConfigRequest { TaskId = route.TaskId, Id = route.ConfigId }, Caller(context, route), aborted).ConfigureAwait(false);
                await ResponseJson.WriteAsync(context.Response, StatusCodes.Status200OK, Json, writer => writer.WriteRawValue("{}"u8)).ConfigureAwait(false); // google.protobuf.Empty
                break;
            case A2AMethods.GetExtendedAgentCard:
                if (await Security.ExtendedCard.GetAsync(context, agent, v03: false).ConfigureAwait(false) is { } extended)
                {
                    await WriteAsync(context, extended, A2AJson.TypeInfo<AgentCard>()).ConfigureAwait(false);
                }

                break;
        }
    }

    // The tenant is the path's; a body that names one must name the same.
    private TaskCaller Caller(HttpContext context, RestRoute route, string? bodyTenant = null, string protocolVersion = A2AMethods.ProtocolVersion)
    {
        if (!string.IsNullOrEmpty(bodyTenant) && route.Tenant is { } pathTenant && bodyTenant != pathTenant)
        {
            throw new InvalidParamsException($"The body's tenant '{bodyTenant}' does not match the tenant in the path, '{pathTenant}'.");
        }

        return Security.TaskCallers.For(context.User, route.Tenant ?? bodyTenant, options, protocolVersion);
    }

    private async Task<T> BodyAsync<T>(HttpContext context, JsonTypeInfo<T> info, CancellationToken aborted)
        where T : class =>
        await OptionalBodyAsync(context, info, aborted).ConfigureAwait(false) ?? throw new InvalidParamsException($"The request needs a JSON body (a {typeof(T).Name}).");

    // A POST body, or null when there is none (a cancel may come without one).
    private async Task<T?> OptionalBodyAsync<T>(HttpContext context, JsonTypeInfo<T> info, CancellationToken aborted)
        where T : class
    {
        HttpRequest request = context.Request;
        if (request.ContentLength == 0 || context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false)
        {
            return null;
        }

        using JsonDocument document = await ObjectBodyAsync(context, aborted).ConfigureAwait(false);
        return ProtoFieldNames.ToJsonNames(document.RootElement).Deserialize(info);
    }

    // The body, which every operation that has one sends as one JSON object; the caller disposes it.
    private async Task<JsonDocument> ObjectBodyAsync(HttpContext context, CancellationToken aborted)
    {
        JsonDocument document = await RequestJson.ReadAsync(context.Request, options, aborted).ConfigureAwait(false);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            JsonValueKind kind = document.RootElement.ValueKind;
            document.Dispose();
            throw new InvalidParamsException($"The request body must be a JSON object, not {kind}.");
        }

        return document;
    }

    private static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[^1]) ? values[^1] : null;

    private static int? Int(IQueryCollection query, string name) =>
        Text(query, name) is not { } text ? null
        : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) ? value
        : throw new InvalidParamsException($"Query parameter {name} must be an integer; got '{text}'.");

    private static bool? Bool(IQueryCollection query, string name) => Text(query, name) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        string text => throw new InvalidParamsException($"Query parameter {name} must be true or false; got '{text}'."),
    };

    private static DateTimeOffset? Timestamp(IQueryCollection query, string name) =>
        Text(query, name) is not { } text ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTimeOffset value) ? value
        : throw new InvalidParamsException($"Query parameter {name} must be an ISO 8601 timestamp such as 2025-11-09T10:30:00Z; got '{text}'.");

    // A task state by its wire name (TASK_STATE_WORKING), as the JSON does.
    private static TaskState State(IQueryCollection query, string name)
    {
        if (Text(query, name) is not { } text)
        {
            return TaskState.Unspecified;
        }

        try
        {
            return JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(text, A2AJson.TypeInfo<string>()), A2AJson.TypeInfo<TaskState>());
        }
        catch (JsonException)
        {
            throw new InvalidParamsException($"Query parameter {name} must be a task state such as TASK_STATE_WORKING; got '{text}'.");
        }
    }

    private static Task WriteAsync<T>(HttpContext context, T value, JsonTypeInfo<T> info) =>
        ResponseJson.WriteAsync(context.Response, StatusCodes.Status200OK, Json, writer => JsonSerializer.Serialize(writer, value, info));

    private static Task WriteErrorAsync(HttpContext context, A2AException error, bool v03) =>
        context.Response.HasStarted ? Task.CompletedTask
        : v03 ? ResponseJson.WriteAsync(context.Response, RestErrors.V03StatusOf(error), V03ContentType, writer => JsonRpcError.WriteLegacy(writer, error))
        : ResponseJson.WriteAsync(context.Response, RestErrors.StatusOf(error).Http, Json, writer => WriteErrorBody(writer, error));

    // {"error": google.rpc.Status}.
    private static void WriteErrorBody(Utf8JsonWriter writer, A2AException error)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("error");
        RestErrors.Write(writer, error);
        writer.WriteEndObject();
    }

    // Each event is a bare StreamResponse; an error after the start is the last one, in the error body's shape.
    private static Task StreamAsync(HttpContext context, IAsyncEnumerable<StreamResponse> events, CancellationToken aborted) =>
        EventStream.WriteAsync(context.Response, events, (writer, item) => JsonSerializer.Serialize(writer, item, A2AJson.TypeInfo<StreamResponse>()), WriteErrorBody, aborted);

    private void Fail(Activity? activity, string? method, A2AException error, long started)
    {
        activity?.SetStatus(ActivityStatusCode.Error, error.Reason);
        activity?.SetTag("http.response.status_code", RestErrors.StatusOf(error).Http);
        _logger.LogDebug("A2A HTTP+JSON request {Method} answered error {Code}: {Message}", method ?? "(unknown route)", error.Code, error.Message);
        Record(method, error.Code, started);
    }

    private static void Record(string? method, int? errorCode, long started) =>
        RequestMetrics.Record(ProtocolBindings.HttpJson, method ?? "(unknown route)", errorCode, started);
}
