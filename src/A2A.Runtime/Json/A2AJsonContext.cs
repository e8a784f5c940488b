using System.Text.Json;
using System.Text.Json.Serialization;
using A2A.Protocol;

namespace A2A.Json;

/// <summary>
/// Source-generated System.Text.Json metadata for the A2A protocol model (trimming- and AOT-safe).
/// Use <see cref="A2AJson.Options"/> rather than this context directly: the options add the ProtoJSON rule that
/// empty strings and empty lists are omitted.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(TaskStateJsonConverter), typeof(RoleJsonConverter), typeof(ProtoTimestampJsonConverter), typeof(ProtoInt32JsonConverter)])]
[JsonSerializable(typeof(AgentTask))]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(Part))]
[JsonSerializable(typeof(Artifact))]
[JsonSerializable(typeof(AgentTaskStatus))]
[JsonSerializable(typeof(TaskStatusUpdateEvent))]
[JsonSerializable(typeof(TaskArtifactUpdateEvent))]
[JsonSerializable(typeof(StreamResponse))]
[JsonSerializable(typeof(SendMessageResponse))]
[JsonSerializable(typeof(AgentCard))]
[JsonSerializable(typeof(TaskPushNotificationConfig))]
[JsonSerializable(typeof(GetTaskPushNotificationConfigRequest))]
[JsonSerializable(typeof(DeleteTaskPushNotificationConfigRequest))]
[JsonSerializable(typeof(ListTaskPushNotificationConfigsRequest))]
[JsonSerializable(typeof(ListTaskPushNotificationConfigsResponse))]
[JsonSerializable(typeof(SendMessageRequest))]
[JsonSerializable(typeof(GetTaskRequest))]
[JsonSerializable(typeof(CancelTaskRequest))]
[JsonSerializable(typeof(SubscribeToTaskRequest))]
[JsonSerializable(typeof(GetExtendedAgentCardRequest))]
[JsonSerializable(typeof(ListTasksRequest))]
[JsonSerializable(typeof(ListTasksResponse))]
[JsonSerializable(typeof(IReadOnlyList<AgentTask>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, JsonElement>))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class A2AJsonContext : JsonSerializerContext;
