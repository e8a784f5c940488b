using System.Text.Json;
using System.Text.Json.Nodes;
using A2A.Errors;
using A2A.Json;
using A2A.JsonRpc;
using A2A.Protocol;
using A2A.Protocol.V03;
using Microsoft.AspNetCore.Http;

namespace A2A.AspNetCore;

// The A2A v0.3 methods on the same endpoint: each request is translated to its v1.0 form, served by the same
// service, and its answer translated back (V03Json is the one place the two versions meet).
internal sealed partial class JsonRpcEndpoint
{
    private const V03Binding Binding = V03Binding.JsonRpc;

    private async Task DispatchV03Async(HttpContext context, JsonElement id, string method, JsonElement parameters, CancellationToken aborted)
    {
        Tasks.TaskCaller caller = Caller(context, tenant: null, V03Methods.Version);
        switch (method)
        {
            case V03Methods.MessageSend:
                SendMessageRequest send = V03Json.FromNode<SendMessageRequest>(V03Json.FromSendMessageRequest(ParamsObject(parameters), Binding));
                SendMessageResponse sent = await service.SendMessageAsync(send, caller, aborted).ConfigureAwait(false);
                await WriteV03Async(context, id, V03Json.ToSendMessageResponse(V03Json.ToNode(sent), Binding)).ConfigureAwait(false);
                break;
            case V03Methods.MessageStream:
                SendMessageRequest stream = V03Json.FromNode<SendMessageRequest>(V03Json.FromSendMessageRequest(ParamsObject(parameters), Binding));
                await StreamV03Async(context, id, await service.SendStreamingMessageAsync(stream, caller, aborted).ConfigureAwait(false), aborted).ConfigureAwait(false);
                break;
            case V03Methods.TasksGet:
                JsonObject get = ParamsObject(parameters);
                AgentTask task = await service.GetTaskAsync(new GetTaskRequest { Id = TaskId(get, "id"), HistoryLength = OptionalInt(get, "historyLength") }, caller, aborted).ConfigureAwait(false);
                await WriteV03Async(context, id, V03Json.ToTask(V03Json.ToNode(task), Binding)).ConfigureAwait(false);
                break;
            case V03Methods.TasksCancel:
                AgentTask canceled = await service.CancelTaskAsync(new CancelTaskRequest { Id = TaskId(ParamsObject(parameters), "id") }, caller, aborted).ConfigureAwait(false);
                await WriteV03Async(context, id, V03Json.ToTask(V03Json.ToNode(canceled), Binding)).ConfigureAwait(false);
                break;
            case V03Methods.TasksResubscribe:
                var subscribe = new SubscribeToTaskRequest { Id = TaskId(ParamsObject(parameters), "id") };
                await StreamV03Async(context, id, await service.SubscribeToTaskAsync(subscribe, caller, aborted).ConfigureAwait(false), aborted).ConfigureAwait(false);
                break;
            case V03Methods.PushConfigSet:
                TaskPushNotificationConfig config = V03Json.FromNode<TaskPushNotificationConfig>(V03Json.FromTaskPushConfig(ParamsObject(parameters), taskId: null));
                TaskPushNotificationConfig created = await service.CreateTaskPushNotificationConfigAsync(config, caller, aborted).ConfigureAwait(false);
                await WriteV03Async(context, id, V03Json.ToTaskPushConfig(V03Json.ToNode(created), Binding)).ConfigureAwait(false);
                break;
            case V03Methods.PushConfigGet:
                JsonObject getConfig = ParamsObject(parameters);
                string getTask = TaskId(getConfig, "id");
                TaskPushNotificationConfig found = await GetV03ConfigAsync(getTask, OptionalString(getConfig, "pushNotificationConfigId"), caller, aborted).ConfigureAwait(false);
                await WriteV03Async(context, id, V03Json.ToTaskPushConfig(V03Json.ToNode(found), Binding)).ConfigureAwait(false);
                break;
            case V03Methods.PushConfigList:
                string listTask = TaskId(ParamsObject(parameters), "id");
                ListTaskPushNotificationConfigsResponse all = await service.ListTaskPushNotificationConfigsAsync(new ListTaskPushNotificationConfigsRequest { TaskId = listTask }, caller, aborted).ConfigureAwait(false);
                await WriteV03Async(context, id, new JsonArray([.. all.Configs.Select(c => (JsonNode)V03Json.ToTaskPushConfig(V03Json.ToNode(c), Binding))])).ConfigureAwait(false);
                break;
            case V03Methods.PushConfigDelete:
                JsonObject delete = ParamsObject(parameters);
                var deleteRequest = new DeleteTaskPushNotificationConfigRequest { TaskId = TaskId(delete, "id"), Id = TaskId(delete, "pushNotificationConfigId") };
                await service.DeleteTaskPushNotificationConfigAsync(deleteRequest, caller, aborted).ConfigureAwait(false);
                await WriteV03Async(context, id, null).ConfigureAwait(false);
                break;
            case V03Methods.GetAuthenticatedExtendedCard:
                if (await Security.ExtendedCard.GetAsync(context, agent, v03: true).ConfigureAwait(false) is { } extended)
                {
                    await WriteV03Async(context, id, V03Card.ToBlended(V03Json.ToNode(extended))).ConfigureAwait(false);
                }

                break;
            default:
                throw new MethodNotFoundException(
                    $"Method not found: {method}. A2A v0.3 methods are message/send, message/stream, tasks/get, tasks/cancel, tasks/resubscribe, tasks/pushNotificationConfig/(set|get|list|delete) and agent/getAuthenticatedExtendedCard; send A2A-Version: 1.0 for the v1.0 methods.");
        }
    }

    // v0.3 lets a client read "the" configuration of a task without naming it: the first one is that.
    private async Task<TaskPushNotificationConfig> GetV03ConfigAsync(string taskId, string? configId, Tasks.TaskCaller caller, CancellationToken aborted)
    {
        if (configId is not null)
        {
            return await service.GetTaskPushNotificationConfigAsync(new GetTaskPushNotificationConfigRequest { TaskId = taskId, Id = configId }, caller, aborted).ConfigureAwait(false);
        }

        ListTaskPushNotificationConfigsResponse configs = await service.ListTaskPushNotificationConfigsAsync(new ListTaskPushNotificationConfigsRequest { TaskId = taskId, PageSize = 1 }, caller, aborted).ConfigureAwait(false);
        return configs.Configs.FirstOrDefault()
            ?? throw new TaskNotFoundException(taskId, $"Task {taskId} has no push notification configuration; set one with tasks/pushNotificationConfig/set.");
    }

    private static Task StreamV03Async(HttpContext context, JsonElement id, IAsyncEnumerable<StreamResponse> events, CancellationToken aborted) =>
        EventStream.WriteAsync(
            context.Response,
            events,
            (writer, item) => WriteEnvelope(writer, id, writer => V03Json.ToStreamResponse(V03Json.ToNode(item), Binding).WriteTo(writer), error: false),
            (writer, error) => WriteEnvelope(writer, id, writer => JsonRpcError.WriteLegacy(writer, error), error: true),
            aborted);

    private static Task WriteV03Async(HttpContext context, JsonElement id, JsonNode? result) =>
        ResponseJson.WriteAsync(context.Response, StatusCodes.Status200OK, "application/json", writer => WriteEnvelope(writer, id, writer =>
        {
            if (result is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                result.WriteTo(writer);
            }
        }, error: false));

    private static JsonObject ParamsObject(JsonElement parameters) => JsonObject.Create(RequireObject(parameters))!;

    private static string TaskId(JsonObject parameters, string name) =>
        OptionalString(parameters, name) is { Length: > 0 } value ? value : throw new InvalidParamsException($"params.{name} is required.");

    private static string? OptionalString(JsonObject parameters, string name) => parameters[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw new InvalidParamsException($"params.{name} must be a string."),
    };

    private static int? OptionalInt(JsonObject parameters, string name) => parameters[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out int number) => number,
        _ => throw new InvalidParamsException($"params.{name} must be an integer."),
    };
}
