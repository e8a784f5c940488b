using System.Text.Json;
using System.Text.Json.Nodes;
using A2A.Errors;
using A2A.Json;
using A2A.JsonRpc;
using A2A.Protocol;
using A2A.Protocol.V03;
using Microsoft.AspNetCore.Http;

namespace A2A.AspNetCore.Rest;

// The A2A v0.3 HTTP+JSON binding on the same routes: its operations live under /v1/ (v1/message:send,
// v1/tasks/{id}, ..., v1/card), its bodies are the v0.3 proto's JSON, and its errors are {"code","message"} with an
// HTTP status. Each request is translated to v1.0, served by the same service, and its answer translated back.
internal sealed partial class RestEndpoint
{
    private const string V03ContentType = "application/json";
    private const string V03Prefix = "v1/";
    private const V03Binding Binding = V03Binding.HttpJson;

    // The v1.0 route of a v0.3 path: the same shapes below v1/, without tenants, ListTasks or extendedAgentCard.
    private static RestRoute ParseV03(string httpMethod, string path)
    {
        string relative = path.TrimStart('/');
        if (relative == V03Prefix + "card" && HttpMethods.IsGet(httpMethod))
        {
            return new RestRoute(A2AMethods.GetExtendedAgentCard);
        }

        RestRoute? route = relative.StartsWith(V03Prefix, StringComparison.Ordinal) ? RestRoute.TryParse(httpMethod, relative[V03Prefix.Length..], tenants: false) : null;
        return route is not null && route.Method is not (A2AMethods.ListTasks or A2AMethods.GetExtendedAgentCard)
            ? route
            : throw new MethodNotFoundException(
                $"No A2A v0.3 operation is {httpMethod} /{relative}. The v0.3 HTTP+JSON operations are POST v1/message:send, POST v1/message:stream, GET v1/tasks/{{id}}, POST v1/tasks/{{id}}:cancel, GET v1/tasks/{{id}}:subscribe, the v1/tasks/{{id}}/pushNotificationConfigs resources and GET v1/card; send A2A-Version: 1.0 for the v1.0 routes.");
    }

    private async Task DispatchV03Async(HttpContext context, RestRoute route, CancellationToken aborted)
    {
        Tasks.TaskCaller caller = Caller(context, route, protocolVersion: V03Methods.Version);
        switch (route.Method)
        {
            case A2AMethods.SendMessage:
                SendMessageRequest send = V03Json.FromNode<SendMessageRequest>(V03Json.FromSendMessageRequest(await V03BodyAsync(context, aborted).ConfigureAwait(false), Binding));
                await WriteV03Async(context, V03Json.ToSendMessageResponse(V03Json.ToNode(await service.SendMessageAsync(send, caller, aborted).ConfigureAwait(false)), Binding)).ConfigureAwait(false);
                break;
            case A2AMethods.SendStreamingMessage:
                SendMessageRequest stream = V03Json.FromNode<SendMessageRequest>(V03Json.FromSendMessageRequest(await V03BodyAsync(context, aborted).ConfigureAwait(false), Binding));
                await StreamV03Async(context, await service.SendStreamingMessageAsync(stream, caller, aborted).ConfigureAwait(false), aborted).ConfigureAwait(false);
                break;
            case A2AMethods.GetTask:
                AgentTask task = await service.GetTaskAsync(new GetTaskRequest { Id = route.TaskId, HistoryLength = Int(context.Request.Query, "historyLength") }, caller, aborted).ConfigureAwait(false);
                await WriteV03Async(context, V03Json.ToTask(V03Json.ToNode(task), Binding)).ConfigureAwait(false);
                break;
            case A2AMethods.CancelTask:
                AgentTask canceled = await service.CancelTaskAsync(new CancelTaskRequest { Id = route.TaskId }, caller, aborted).ConfigureAwait(false);
                await WriteV03Async(context, V03Json.ToTask(V03Json.ToNode(canceled), Binding)).ConfigureAwait(false);
                break;
            case A2AMethods.SubscribeToTask:
                await StreamV03Async(context, await service.SubscribeToTaskAsync(new SubscribeToTaskRequest { Id = route.TaskId }, caller, aborted).ConfigureAwait(false), aborted).ConfigureAwait(false);
                break;
            case A2AMethods.CreateTaskPushNotificationConfig:
                TaskPushNotificationConfig config = V03Json.FromNode<TaskPushNotificationConfig>(V03Json.FromTaskPushConfig(await V03BodyAsync(context, aborted).ConfigureAwait(false), route.TaskId, "body"));
                TaskPushNotificationConfig created = await service.CreateTaskPushNotificationConfigAsync(config with { TaskId = route.TaskId }, caller, aborted).ConfigureAwait(false);
                await WriteV03Async(context, V03Json.ToTaskPushConfig(V03Json.ToNode(created), Binding)).ConfigureAwait(false);
                break;
            case A2AMethods.GetTaskPushNotificationConfig:
                TaskPushNotificationConfig found = await service.GetTaskPushNotificationConfigAsync(new GetTaskPushNotificationConfigRequest { TaskId = route.TaskId, Id = route.ConfigId }, caller, aborted).ConfigureAwait(false);
                await WriteV03Async(context, V03Json.ToTaskPushConfig(V03Json.ToNode(found), Binding)).ConfigureAwait(false);
                break;
            case A2AMethods.ListTaskPushNotificationConfigs:
                ListTaskPushNotificationConfigsResponse all = await service.ListTaskPushNotificationConfigsAsync(new ListTaskPushNotificationConfigsRequest { TaskId = route.TaskId }, caller, aborted).ConfigureAwait(false);
                await WriteV03Async(context, new JsonObject { ["configs"] = new JsonArray([.. all.Configs.Select(c => (JsonNode)V03Json.ToTaskPushConfig(V03Json.ToNode(c), Binding))]) }).ConfigureAwait(false);
                break;
            case A2AMethods.DeleteTaskPushNotificationConfig:
                await service.DeleteTaskPushNotificationConfigAsync(new DeleteTaskPushNotificationConfigRequest { TaskId = route.TaskId, Id = route.ConfigId }, caller, aborted).ConfigureAwait(false);
                await WriteV03Async(context, []).ConfigureAwait(false);
                break;
            case A2AMethods.GetExtendedAgentCard:
                if (await Security.ExtendedCard.GetAsync(context, agent, v03: true).ConfigureAwait(false) is { } extended)
                {
                    await WriteV03Async(context, V03Card.ToBlended(V03Json.ToNode(extended))).ConfigureAwait(false);
                }

                break;
        }
    }

    private async Task<JsonNode> V03BodyAsync(HttpContext context, CancellationToken aborted)
    {
        using JsonDocument document = await ObjectBodyAsync(context, aborted).ConfigureAwait(false);
        return JsonObject.Create(document.RootElement.Clone())!;
    }

    private static Task WriteV03Async(HttpContext context, JsonObject body) =>
        ResponseJson.WriteAsync(context.Response, StatusCodes.Status200OK, V03ContentType, writer => body.WriteTo(writer));

    // Each event is the v0.3 proto's StreamResponse JSON; an error after the start is the last one, {code, message}.
    private static Task StreamV03Async(HttpContext context, IAsyncEnumerable<StreamResponse> events, CancellationToken aborted) =>
        EventStream.WriteAsync(
            context.Response,
            events,
            (writer, item) => V03Json.ToStreamResponse(V03Json.ToNode(item), Binding).WriteTo(writer),
            JsonRpcError.WriteLegacy,
            aborted);
}
