using System.Text.Json;
using System.Text.Json.Nodes;
using A2A.Errors;
using A2A.JsonRpc;
using A2A.Protocol;
using A2A.Protocol.V03;

namespace A2A.Client;

// A2A v0.3, for agents that speak nothing newer: the same calls, each request translated to v0.3 on its way out and
// each answer back to v1.0 on its way in (V03Json), so callers and the client task managers see v1.0 only.
public sealed partial class A2AClient
{
    /// <summary>The protocol version this client speaks: <c>1.0</c>, or <c>0.3</c> for an agent that offers nothing newer.</summary>
    public string ProtocolVersion => _v03 ? V03Methods.Version : A2AMethods.ProtocolVersion;

    private string VersionHeaderValue => _v03 ? V03Methods.Version : A2AMethods.ProtocolVersion;

    private static string V03MethodName(string method) => method switch
    {
        A2AMethods.SendMessage => V03Methods.MessageSend,
        A2AMethods.SendStreamingMessage => V03Methods.MessageStream,
        A2AMethods.GetTask => V03Methods.TasksGet,
        A2AMethods.CancelTask => V03Methods.TasksCancel,
        A2AMethods.SubscribeToTask => V03Methods.TasksResubscribe,
        A2AMethods.CreateTaskPushNotificationConfig => V03Methods.PushConfigSet,
        A2AMethods.GetTaskPushNotificationConfig => V03Methods.PushConfigGet,
        A2AMethods.ListTaskPushNotificationConfigs => V03Methods.PushConfigList,
        A2AMethods.DeleteTaskPushNotificationConfig => V03Methods.PushConfigDelete,
        A2AMethods.GetExtendedAgentCard => V03Methods.GetAuthenticatedExtendedCard,
        _ => throw NotInV03(method),
    };

    private static UnsupportedOperationException NotInV03(string method) =>
        new($"{method} is not part of A2A v0.3, the only version this agent offers; it needs an agent that speaks A2A 1.0.");

    // A v1.0 request's parameters (or HTTP+JSON body) as v0.3's.
    private static JsonNode? ToV03Params(string method, JsonObject v1, V03Binding binding) => method switch
    {
        A2AMethods.SendMessage or A2AMethods.SendStreamingMessage => V03Json.ToSendMessageRequest(v1, binding),
        A2AMethods.CreateTaskPushNotificationConfig => V03Json.ToTaskPushConfig(v1, binding),
        A2AMethods.GetTaskPushNotificationConfig or A2AMethods.DeleteTaskPushNotificationConfig =>
            new JsonObject { ["id"] = v1["taskId"]?.DeepClone(), ["pushNotificationConfigId"] = v1["id"]?.DeepClone() },
        A2AMethods.ListTaskPushNotificationConfigs => new JsonObject { ["id"] = v1["taskId"]?.DeepClone() },
        A2AMethods.GetTask or A2AMethods.CancelTask or A2AMethods.SubscribeToTask => Without(v1, "tenant"),
        _ => new JsonObject(),
    };

    // A v0.3 answer (JSON-RPC result, or HTTP+JSON body) as the v1.0 answer of the same call.
    private static JsonNode FromV03Result(string method, JsonNode? result, V03Binding binding)
    {
        try
        {
            return method switch
            {
                A2AMethods.SendMessage => V03Json.FromSendMessageResponse(result, binding),
                A2AMethods.SendStreamingMessage or A2AMethods.SubscribeToTask => V03Json.FromStreamResponse(result, binding),
                A2AMethods.GetTask or A2AMethods.CancelTask => V03Json.FromTask(result, binding),
                A2AMethods.CreateTaskPushNotificationConfig or A2AMethods.GetTaskPushNotificationConfig => V03Json.FromTaskPushConfig(result, taskId: null, "result"),
                A2AMethods.ListTaskPushNotificationConfigs => new JsonObject
                {
                    ["configs"] = new JsonArray([.. ((binding == V03Binding.JsonRpc ? result : result?["configs"]) as JsonArray ?? [])
                        .Select(config => (JsonNode)V03Json.FromTaskPushConfig(config, taskId: null, "result[]"))]),
                },
                A2AMethods.GetExtendedAgentCard => V03Card.FromLegacy(result as JsonObject ?? throw new InvalidParamsException("The card is not a JSON object.")),
                _ => new JsonObject(), // DeleteTaskPushNotificationConfig: nothing to read
            };
        }
        catch (InvalidParamsException ex)
        {
            throw new InvalidAgentResponseException($"{method}: the agent's v0.3 answer cannot be read: {ex.Message}", ex);
        }
    }

    // The v0.3 HTTP+JSON route of a v1.0 one: the same shapes below v1/ (the extended card is v1/card).
    private static string V03Path(string method, string path) => method switch
    {
        A2AMethods.GetExtendedAgentCard => "v1/card",
        A2AMethods.ListTasks => throw NotInV03(method),
        _ => "v1/" + path,
    };

    // A v0.3 HTTP+JSON error body: {"code": -32001, "message": "..."}.
    private static Exception? V03RestError(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("code", out JsonElement code) && code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out int value) && value < 0)
        {
            string message = root.TryGetProperty("message", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : $"A2A error {value}";
            return WireErrors.FromCode(value, null, message);
        }

        return null;
    }

    // An already parsed answer as a node for the translation (read before the document is disposed), not parsed again.
    private static JsonNode? NodeOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => JsonObject.Create(element),
        JsonValueKind.Array => JsonArray.Create(element),
        _ => null,
    };

    private static JsonObject Without(JsonObject v1, string member)
    {
        var copy = (JsonObject)v1.DeepClone();
        copy.Remove(member);
        return copy;
    }

    private static JsonObject ParseObject(ReadOnlySpan<byte> json) =>
        JsonNode.Parse(json) as JsonObject ?? throw new InvalidOperationException("A request body is always a JSON object.");

    private static byte[] Utf8(JsonNode? node) => node is null ? "{}"u8.ToArray() : V03Json.ToUtf8Bytes(node);
}
