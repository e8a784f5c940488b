using System.Text.Json;
using System.Text.Json.Nodes;
using A2A.Errors;
using A2A.Lifecycle;

namespace A2A.Protocol.V03;

/// <summary>The two JSON shapes of A2A v0.3.</summary>
internal enum V03Binding
{
    /// <summary>The JSON-RPC binding: the v0.3 JSON schema (<c>kind</c> discriminators, <c>input-required</c>, <c>user</c>).</summary>
    JsonRpc,

    /// <summary>The HTTP+JSON binding: the v0.3 proto's JSON (<c>content</c>, <c>TASK_STATE_CANCELLED</c>, <c>ROLE_USER</c>).</summary>
    HttpJson,
}

/// <summary>
/// The one translation between A2A v1.0 wire JSON (what <see cref="Json.A2AJson"/> reads and writes) and A2A v0.3,
/// both ways, for the server (v0.3 requests in, v0.3 answers out) and the client (the reverse). The v1.0 model stays
/// the only model: v0.3 exists only at the edge, as JSON.
/// </summary>
/// <remarks>
/// Where the official SDKs disagree, the choices are: a v1.0 data part whose value is not an object travels in v0.3 as
/// <c>{"value": ...}</c> with the metadata flag <c>data_part_compat: true</c> and is unwrapped on the way back (as
/// the JavaScript SDK does); <c>final</c> is true on the status update that ends a stream (terminal or interrupted
/// state); a JSON-RPC <c>message/send</c> without <c>configuration.blocking</c> waits for the outcome, while an
/// HTTP+JSON one without it does not (proto3's default, false).
/// </remarks>
internal static class V03Json
{
    /// <summary>The protocol version a v0.3 card states.</summary>
    public const string ProtocolVersion = "0.3.0";

    private const string DataPartCompatFlag = "data_part_compat";

    /// <summary>A v1.0 model value as the JSON the translation works on.</summary>
    public static JsonObject ToNode<T>(T value) => (JsonObject)JsonSerializer.SerializeToNode(value, Json.A2AJson.TypeInfo<T>())!;

    /// <summary>Translated v1.0 JSON read as the model value (a <see cref="JsonException"/> when it is not one).</summary>
    public static T FromNode<T>(JsonObject v1) =>
        JsonSerializer.Deserialize(v1, Json.A2AJson.TypeInfo<T>()) ?? throw new JsonException($"Expected a {typeof(T).Name} object, found null.");

    /// <summary>The UTF-8 bytes of a translated value, escaped as every A2A answer is.</summary>
    public static byte[] ToUtf8Bytes(JsonNode node)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Json.A2AJson.Options.Encoder }))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    // ---------------------------------------------------------------- v1.0 to v0.3

    /// <summary>A v1.0 message as v0.3.</summary>
    public static JsonObject ToMessage(JsonObject v1, V03Binding binding)
    {
        var result = binding == V03Binding.JsonRpc ? new JsonObject { ["kind"] = "message" } : [];
        foreach ((string name, JsonNode? value) in v1)
        {
            switch (name)
            {
                case "role":
                    result["role"] = binding == V03Binding.JsonRpc ? ToLegacyRole(value) : value?.DeepClone();
                    break;
                case "parts":
                    result[binding == V03Binding.JsonRpc ? "parts" : "content"] = Map(value, part => ToPart(part, binding));
                    break;
                default:
                    result[name] = value?.DeepClone();
                    break;
            }
        }

        return result;
    }

    /// <summary>A v1.0 task as v0.3.</summary>
    public static JsonObject ToTask(JsonObject v1, V03Binding binding)
    {
        var result = binding == V03Binding.JsonRpc ? new JsonObject { ["kind"] = "task" } : [];
        foreach ((string name, JsonNode? value) in v1)
        {
            result[name] = name switch
            {
                "status" => ToStatus(Object(value, "task.status"), binding),
                "history" => Map(value, message => ToMessage(Object(message, "task.history[]"), binding)),
                "artifacts" => Map(value, artifact => ToArtifact(Object(artifact, "task.artifacts[]"), binding)),
                _ => value?.DeepClone(),
            };
        }

        return result;
    }

    /// <summary>A v1.0 stream event (<c>StreamResponse</c>) as v0.3: bare in JSON-RPC, still wrapped in HTTP+JSON.</summary>
    public static JsonObject ToStreamResponse(JsonObject v1, V03Binding binding)
    {
        (string member, JsonObject payload) = OneOf(v1, "StreamResponse", "task", "message", "statusUpdate", "artifactUpdate");
        JsonObject converted = member switch
        {
            "task" => ToTask(payload, binding),
            "message" => ToMessage(payload, binding),
            "statusUpdate" => ToStatusUpdate(payload, binding),
            _ => ToArtifactUpdate(payload, binding),
        };
        return binding == V03Binding.JsonRpc ? converted : new JsonObject { [member] = converted };
    }

    /// <summary>A v1.0 <c>SendMessageResponse</c> as v0.3: the bare task or message in JSON-RPC, wrapped in HTTP+JSON.</summary>
    public static JsonObject ToSendMessageResponse(JsonObject v1, V03Binding binding) => ToStreamResponse(v1, binding);

    /// <summary>A v1.0 <c>TaskPushNotificationConfig</c> as v0.3 (the configuration nested, under the task).</summary>
    public static JsonObject ToTaskPushConfig(JsonObject v1, V03Binding binding)
    {
        string taskId = v1["taskId"]?.GetValue<string>() ?? "";
        JsonObject config = ToPushConfig(v1);
        return binding == V03Binding.JsonRpc
            ? new JsonObject { ["taskId"] = taskId, ["pushNotificationConfig"] = config }
            : new JsonObject { ["name"] = $"tasks/{taskId}/pushNotificationConfigs/{config["id"]?.GetValue<string>()}", ["pushNotificationConfig"] = config };
    }

    /// <summary>A v1.0 <c>SendMessageRequest</c> as v0.3 <c>MessageSendParams</c> (JSON-RPC) or <c>SendMessageRequest</c> (HTTP+JSON).</summary>
    public static JsonObject ToSendMessageRequest(JsonObject v1, V03Binding binding)
    {
        var result = new JsonObject { ["message"] = ToMessage(Object(v1["message"], "message"), binding) };
        var configuration = new JsonObject();
        if (v1["configuration"] is JsonObject v1Configuration)
        {
            foreach ((string name, JsonNode? value) in v1Configuration)
            {
                switch (name)
                {
                    case "returnImmediately":
                        break;
                    case "taskPushNotificationConfig" when value is JsonObject push:
                        configuration[binding == V03Binding.JsonRpc ? "pushNotificationConfig" : "pushNotification"] = ToPushConfig(push);
                        break;
                    default:
                        configuration[name] = value?.DeepClone();
                        break;
                }
            }
        }

        configuration["blocking"] = v1["configuration"]?["returnImmediately"]?.GetValue<bool>() != true;
        result["configuration"] = configuration;
        if (v1["metadata"] is { } metadata)
        {
            result["metadata"] = metadata.DeepClone();
        }

        return result;
    }

    private static JsonObject ToStatus(JsonObject v1, V03Binding binding)
    {
        var result = new JsonObject();
        foreach ((string name, JsonNode? value) in v1)
        {
            result[name] = name switch
            {
                "state" => ToLegacyState(value, binding),
                "message" => ToMessage(Object(value, "status.message"), binding),
                _ => value?.DeepClone(),
            };
        }

        return result;
    }

    private static JsonObject ToArtifact(JsonObject v1, V03Binding binding)
    {
        var result = new JsonObject();
        foreach ((string name, JsonNode? value) in v1)
        {
            result[name] = name == "parts" ? Map(value, part => ToPart(part, binding)) : value?.DeepClone();
        }

        return result;
    }

    private static JsonObject ToStatusUpdate(JsonObject v1, V03Binding binding)
    {
        var result = binding == V03Binding.JsonRpc ? new JsonObject { ["kind"] = "status-update" } : [];
        foreach ((string name, JsonNode? value) in v1)
        {
            result[name] = name == "status" ? ToStatus(Object(value, "statusUpdate.status"), binding) : value?.DeepClone();
        }

        // v0.3 marks the update that ends the stream; a v1.0 stream ends at a terminal or interrupted state.
        int state = StateIndex(v1["status"]?["state"], LifecycleVocabulary.WireNames, "statusUpdate.status.state");
        bool final = LifecycleVocabulary.IsTerminal(state) || LifecycleVocabulary.IsInterrupted(state);
        if (final || binding == V03Binding.JsonRpc)
        {
            result["final"] = final;
        }

        return result;
    }

    private static JsonObject ToArtifactUpdate(JsonObject v1, V03Binding binding)
    {
        var result = binding == V03Binding.JsonRpc ? new JsonObject { ["kind"] = "artifact-update" } : [];
        foreach ((string name, JsonNode? value) in v1)
        {
            result[name] = name == "artifact" ? ToArtifact(Object(value, "artifactUpdate.artifact"), binding) : value?.DeepClone();
        }

        if (binding == V03Binding.JsonRpc)
        {
            // Spelled out, as the JavaScript SDK does: v0.3 clients test them without a default.
            result["append"] ??= false;
            result["lastChunk"] ??= false;
        }

        return result;
    }

    private static JsonObject ToPart(JsonNode? node, V03Binding binding)
    {
        JsonObject v1 = Object(node, "part");
        JsonObject? metadata = v1["metadata"]?.DeepClone() as JsonObject;
        string? mediaType = v1["mediaType"]?.GetValue<string>();
        string? filename = v1["filename"]?.GetValue<string>();
        JsonObject result;
        if (v1["text"] is { } text)
        {
            result = binding == V03Binding.JsonRpc ? new JsonObject { ["kind"] = "text", ["text"] = text.DeepClone() } : new JsonObject { ["text"] = text.DeepClone() };
        }
        else if (v1["raw"] is { } raw || v1["url"] is { })
        {
            bool bytes = v1["raw"] is not null;
            JsonNode content = (bytes ? v1["raw"] : v1["url"])!.DeepClone();
            var file = binding == V03Binding.JsonRpc
                ? new JsonObject { [bytes ? "bytes" : "uri"] = content }
                : new JsonObject { [bytes ? "fileWithBytes" : "fileWithUri"] = content };
            if (!string.IsNullOrEmpty(mediaType))
            {
                file["mimeType"] = mediaType;
            }

            if (!string.IsNullOrEmpty(filename))
            {
                file["name"] = filename;
            }

            result = binding == V03Binding.JsonRpc ? new JsonObject { ["kind"] = "file", ["file"] = file } : new JsonObject { ["file"] = file };
        }
        else if (v1.TryGetPropertyValue("data", out JsonNode? data))
        {
            // v0.3 data is an object: anything else is wrapped, and flagged so that the way back unwraps it.
            JsonNode wrapped = data is JsonObject ? data.DeepClone() : new JsonObject { ["value"] = data?.DeepClone() };
            if (data is not JsonObject)
            {
                metadata ??= [];
                metadata[DataPartCompatFlag] = true;
            }

            result = binding == V03Binding.JsonRpc
                ? new JsonObject { ["kind"] = "data", ["data"] = wrapped }
                : new JsonObject { ["data"] = new JsonObject { ["data"] = wrapped } };
        }
        else
        {
            throw new InvalidParamsException("A part must carry one of 'text', 'raw', 'url' or 'data'.");
        }

        if (metadata is not null)
        {
            result["metadata"] = metadata;
        }

        return result;
    }

    private static JsonObject ToPushConfig(JsonObject v1)
    {
        var result = new JsonObject();
        foreach ((string name, JsonNode? value) in v1)
        {
            switch (name)
            {
                case "id" or "url" or "token":
                    result[name] = value?.DeepClone();
                    break;
                case "authentication" when value is JsonObject authentication:
                    var legacy = new JsonObject { ["schemes"] = new JsonArray(authentication["scheme"] is { } scheme ? [scheme.DeepClone()] : []) };
                    if (authentication["credentials"] is { } credentials)
                    {
                        legacy["credentials"] = credentials.DeepClone();
                    }

                    result["authentication"] = legacy;
                    break;
            }
        }

        return result;
    }

    // ---------------------------------------------------------------- v0.3 to v1.0

    /// <summary>A v0.3 message as v1.0.</summary>
    /// <exception cref="InvalidParamsException">It is not a v0.3 message.</exception>
    public static JsonObject FromMessage(JsonNode? node, V03Binding binding, string path = "message")
    {
        JsonObject v03 = Object(node, path);
        var result = new JsonObject();
        bool hasParts = false;
        foreach ((string name, JsonNode? value) in v03)
        {
            switch (name)
            {
                case "kind":
                    if (binding == V03Binding.JsonRpc && value?.GetValueKind() == JsonValueKind.String && value.GetValue<string>() != "message")
                    {
                        throw new InvalidParamsException($"{path}.kind must be \"message\"; got \"{value.GetValue<string>()}\".");
                    }

                    break;
                case "role":
                    result["role"] = binding == V03Binding.JsonRpc ? FromLegacyRole(value, path) : value?.DeepClone();
                    break;
                case "parts" when binding == V03Binding.JsonRpc:
                case "content" when binding == V03Binding.HttpJson:
                    hasParts = true;
                    result["parts"] = Map(value, part => FromPart(part, binding, path + "." + name + "[]"), path + "." + name);
                    break;
                default:
                    result[name] = value?.DeepClone();
                    break;
            }
        }

        if (!hasParts)
        {
            throw new InvalidParamsException($"{path}.{(binding == V03Binding.JsonRpc ? "parts" : "content")} is required (a v0.3 message's content).");
        }

        return result;
    }

    /// <summary>A v0.3 task as v1.0.</summary>
    public static JsonObject FromTask(JsonNode? node, V03Binding binding, string path = "task")
    {
        JsonObject v03 = Object(node, path);
        var result = new JsonObject();
        foreach ((string name, JsonNode? value) in v03)
        {
            switch (name)
            {
                case "kind":
                    break;
                case "status":
                    result["status"] = FromStatus(value, binding, path + ".status");
                    break;
                case "history":
                    result["history"] = Map(value, message => FromMessage(message, binding, path + ".history[]"), path + ".history");
                    break;
                case "artifacts":
                    result["artifacts"] = Map(value, artifact => FromArtifact(artifact, binding, path + ".artifacts[]"), path + ".artifacts");
                    break;
                default:
                    result[name] = value?.DeepClone();
                    break;
            }
        }

        return result;
    }

    /// <summary>A v0.3 stream event (bare with a <c>kind</c> in JSON-RPC, wrapped in HTTP+JSON) as a v1.0 <c>StreamResponse</c>.</summary>
    public static JsonObject FromStreamResponse(JsonNode? node, V03Binding binding)
    {
        JsonObject v03 = Object(node, "result");
        if (binding == V03Binding.HttpJson)
        {
            (string member, JsonObject payload) = OneOf(v03, "StreamResponse", "task", "message", "statusUpdate", "artifactUpdate");
            return new JsonObject
            {
                [member] = member switch
                {
                    "task" => FromTask(payload, binding),
                    "message" => FromMessage(payload, binding),
                    "statusUpdate" => FromStatusUpdate(payload, binding),
                    _ => FromArtifactUpdate(payload, binding),
                },
            };
        }

        string? kind = v03["kind"]?.GetValueKind() == JsonValueKind.String ? v03["kind"]!.GetValue<string>() : null;
        return kind switch
        {
            "task" => new JsonObject { ["task"] = FromTask(v03, binding) },
            "message" => new JsonObject { ["message"] = FromMessage(v03, binding) },
            "status-update" => new JsonObject { ["statusUpdate"] = FromStatusUpdate(v03, binding) },
            "artifact-update" => new JsonObject { ["artifactUpdate"] = FromArtifactUpdate(v03, binding) },
            _ => throw new InvalidParamsException($"A v0.3 result must have kind \"task\", \"message\", \"status-update\" or \"artifact-update\"; got {(kind is null ? "none" : $"\"{kind}\"")}."),
        };
    }

    /// <summary>A v0.3 <c>message/send</c> result (a task or a message) as a v1.0 <c>SendMessageResponse</c>.</summary>
    public static JsonObject FromSendMessageResponse(JsonNode? node, V03Binding binding) => FromStreamResponse(node, binding);

    /// <summary>
    /// v0.3 <c>message/send</c> parameters (JSON-RPC <c>MessageSendParams</c>, or the HTTP+JSON body) as a v1.0
    /// <c>SendMessageRequest</c>; <c>blocking</c> becomes <c>returnImmediately</c>.
    /// </summary>
    /// <exception cref="InvalidParamsException">They are not v0.3 send parameters.</exception>
    public static JsonObject FromSendMessageRequest(JsonNode? node, V03Binding binding)
    {
        JsonObject v03 = Object(node, "params");
        var result = new JsonObject { ["message"] = FromMessage(v03["message"], binding) };
        bool? blocking = null;
        if (v03["configuration"] is JsonObject configuration)
        {
            var v1Configuration = new JsonObject();
            foreach ((string name, JsonNode? value) in configuration)
            {
                switch (name)
                {
                    case "blocking":
                        blocking = value?.GetValueKind() switch
                        {
                            JsonValueKind.True => true,
                            JsonValueKind.False => false,
                            JsonValueKind.Null or null => null,
                            _ => throw new InvalidParamsException("params.configuration.blocking must be a boolean."),
                        };
                        break;
                    case "pushNotificationConfig" when binding == V03Binding.JsonRpc:
                    case "pushNotification" when binding == V03Binding.HttpJson:
                        if (value is not null)
                        {
                            v1Configuration["taskPushNotificationConfig"] = FromPushConfig(value, taskId: null, "params.configuration." + name);
                        }

                        break;
                    default:
                        v1Configuration[name] = value?.DeepClone();
                        break;
                }
            }

            result["configuration"] = v1Configuration;
        }

        // JSON-RPC clients that leave blocking out are waited for (as the Python SDK does); in HTTP+JSON a missing
        // proto3 boolean is false.
        bool returnImmediately = binding == V03Binding.JsonRpc ? blocking == false : blocking != true;
        if (returnImmediately)
        {
            ((JsonObject)(result["configuration"] ??= new JsonObject()))["returnImmediately"] = true;
        }

        if (v03["metadata"] is { } metadata)
        {
            result["metadata"] = metadata.DeepClone();
        }

        return result;
    }

    /// <summary>
    /// A v0.3 <c>TaskPushNotificationConfig</c> (the configuration nested under <c>pushNotificationConfig</c>) as a
    /// v1.0 one; <paramref name="taskId"/>, when given, is the task (HTTP+JSON takes it from the path).
    /// </summary>
    public static JsonObject FromTaskPushConfig(JsonNode? node, string? taskId, string path = "params")
    {
        JsonObject v03 = Object(node, path);
        string? nestedTask = v03["taskId"]?.GetValueKind() == JsonValueKind.String ? v03["taskId"]!.GetValue<string>() : null;

        // HTTP+JSON names the configuration as a resource: tasks/{taskId}/pushNotificationConfigs/{id}.
        if (nestedTask is null && v03["name"]?.GetValueKind() == JsonValueKind.String && v03["name"]!.GetValue<string>() is { } name
            && name.StartsWith("tasks/", StringComparison.Ordinal) && name.IndexOf("/pushNotificationConfigs", StringComparison.Ordinal) is > 6 and var end)
        {
            nestedTask = name["tasks/".Length..end];
        }
        if (v03["pushNotificationConfig"] is not JsonObject config)
        {
            throw new InvalidParamsException($"{path}.pushNotificationConfig is required (the webhook: url, and optionally id, token, authentication).");
        }

        return FromPushConfig(config, taskId ?? nestedTask, path + ".pushNotificationConfig");
    }

    private static JsonObject FromPushConfig(JsonNode node, string? taskId, string path)
    {
        JsonObject v03 = Object(node, path);
        var result = new JsonObject();
        if (!string.IsNullOrEmpty(taskId))
        {
            result["taskId"] = taskId;
        }

        foreach ((string name, JsonNode? value) in v03)
        {
            switch (name)
            {
                case "id" or "url" or "token":
                    result[name] = value?.DeepClone();
                    break;
                case "authentication" when value is JsonObject authentication:
                    var v1 = new JsonObject();
                    if (authentication["schemes"] is JsonArray { Count: > 0 } schemes)
                    {
                        // v1.0 keeps one scheme; the first is the client's preference.
                        v1["scheme"] = schemes[0]?.DeepClone();
                    }

                    if (authentication["credentials"] is { } credentials)
                    {
                        v1["credentials"] = credentials.DeepClone();
                    }

                    result["authentication"] = v1;
                    break;
            }
        }

        return result;
    }

    private static JsonObject FromStatus(JsonNode? node, V03Binding binding, string path)
    {
        JsonObject v03 = Object(node, path);
        var result = new JsonObject();
        foreach ((string name, JsonNode? value) in v03)
        {
            result[name] = name switch
            {
                "state" => LifecycleVocabulary.WireNames[StateIndex(value, binding == V03Binding.JsonRpc ? LifecycleVocabulary.LegacyWireNames : LifecycleVocabulary.LegacyProtoNames, path + ".state")],
                "message" => FromMessage(value, binding, path + ".message"),
                _ => value?.DeepClone(),
            };
        }

        return result;
    }

    private static JsonObject FromArtifact(JsonNode? node, V03Binding binding, string path)
    {
        JsonObject v03 = Object(node, path);
        var result = new JsonObject();
        foreach ((string name, JsonNode? value) in v03)
        {
            result[name] = name == "parts" ? Map(value, part => FromPart(part, binding, path + ".parts[]"), path + ".parts") : value?.DeepClone();
        }

        return result;
    }

    private static JsonObject FromStatusUpdate(JsonObject v03, V03Binding binding)
    {
        var result = new JsonObject();
        foreach ((string name, JsonNode? value) in v03)
        {
            switch (name)
            {
                case "kind" or "final":
                    break; // v1.0 ends a stream by closing it
                case "status":
                    result["status"] = FromStatus(value, binding, "statusUpdate.status");
                    break;
                default:
                    result[name] = value?.DeepClone();
                    break;
            }
        }

        return result;
    }

    private static JsonObject FromArtifactUpdate(JsonObject v03, V03Binding binding)
    {
        var result = new JsonObject();
        foreach ((string name, JsonNode? value) in v03)
        {
            switch (name)
            {
                case "kind":
                    break;
                case "artifact":
                    result["artifact"] = FromArtifact(value, binding, "artifactUpdate.artifact");
                    break;
                default:
                    result[name] = value?.DeepClone();
                    break;
            }
        }

        return result;
    }

    private static JsonObject FromPart(JsonNode? node, V03Binding binding, string path)
    {
        JsonObject v03 = Object(node, path);
        JsonObject? metadata = v03["metadata"]?.DeepClone() as JsonObject;

        // Metadata that only carried the data-part flag was made by the translation; any other stays, even empty.
        bool flagOnly = metadata is { Count: 1 } && metadata.ContainsKey(DataPartCompatFlag);
        var result = new JsonObject();
        if (binding == V03Binding.JsonRpc)
        {
            string? kind = v03["kind"]?.GetValueKind() == JsonValueKind.String ? v03["kind"]!.GetValue<string>() : null;
            switch (kind)
            {
                case "text":
                    result["text"] = RequireString(v03["text"], path + ".text");
                    break;
                case "file":
                    JsonObject file = Object(v03["file"], path + ".file");
                    FromFile(file, file["bytes"], file["uri"], file["mimeType"], file["name"], result, path + ".file", "'bytes' or 'uri'");
                    break;
                case "data":
                    result["data"] = Unwrap(v03["data"], ref metadata, path);
                    break;
                default:
                    throw new InvalidParamsException($"{path}.kind must be \"text\", \"file\" or \"data\"; got {(kind is null ? "none" : $"\"{kind}\"")}.");
            }
        }
        else if (v03["text"] is { } text)
        {
            result["text"] = RequireString(text, path + ".text");
        }
        else if (v03["file"] is JsonObject file)
        {
            FromFile(file, file["fileWithBytes"], file["fileWithUri"], file["mimeType"], file["name"], result, path + ".file", "'fileWithBytes' or 'fileWithUri'");
        }
        else if (v03["data"] is JsonObject data)
        {
            result["data"] = Unwrap(data["data"], ref metadata, path + ".data");
        }
        else
        {
            throw new InvalidParamsException($"{path} must carry one of 'text', 'file' or 'data'.");
        }

        if (metadata is not null && !(flagOnly && metadata.Count == 0))
        {
            result["metadata"] = metadata;
        }

        return result;
    }

    private static void FromFile(JsonObject file, JsonNode? bytes, JsonNode? uri, JsonNode? mimeType, JsonNode? name, JsonObject result, string path, string members)
    {
        if ((bytes is null) == (uri is null))
        {
            throw new InvalidParamsException($"{path} must carry exactly one of {members}.");
        }

        if (bytes is not null)
        {
            result["raw"] = RequireString(bytes, path);
        }
        else
        {
            result["url"] = RequireString(uri, path);
        }

        if (mimeType is not null)
        {
            result["mediaType"] = mimeType.DeepClone();
        }

        if (name is not null)
        {
            result["filename"] = name.DeepClone();
        }
    }

    // A data part's value, unwrapped when the part says it was wrapped for v0.3.
    private static JsonNode? Unwrap(JsonNode? data, ref JsonObject? metadata, string path)
    {
        if (data is not JsonObject value)
        {
            throw new InvalidParamsException($"{path}.data must be a JSON object in v0.3.");
        }

        if (metadata?[DataPartCompatFlag]?.GetValueKind() == JsonValueKind.True)
        {
            metadata.Remove(DataPartCompatFlag);
            if (value.TryGetPropertyValue("value", out JsonNode? wrapped))
            {
                return wrapped?.DeepClone();
            }
        }

        return value.DeepClone();
    }

    // ---------------------------------------------------------------- shared

    // v0.3 knows two roles; whatever is not the user's is the agent's (as the JavaScript SDK writes it).
    private static JsonNode ToLegacyRole(JsonNode? role) =>
        role?.GetValueKind() == JsonValueKind.String && role.GetValue<string>() == "ROLE_USER" ? "user" : "agent";

    private static JsonNode FromLegacyRole(JsonNode? role, string path) =>
        (role?.GetValueKind() == JsonValueKind.String ? role.GetValue<string>() : null) switch
        {
            "user" => "ROLE_USER",
            "agent" => "ROLE_AGENT",
            _ => throw new InvalidParamsException($"{path}.role must be \"user\" or \"agent\"."),
        };

    private static JsonNode ToLegacyState(JsonNode? state, V03Binding binding)
    {
        int index = StateIndex(state, LifecycleVocabulary.WireNames, "status.state");
        return (binding == V03Binding.JsonRpc ? LifecycleVocabulary.LegacyWireNames : LifecycleVocabulary.LegacyProtoNames)[index];
    }

    private static int StateIndex(JsonNode? state, string[] names, string path)
    {
        string? name = state?.GetValueKind() == JsonValueKind.String ? state.GetValue<string>() : null;
        int index = name is null ? -1 : Array.IndexOf(names, name);
        if (index < 0 && name is not null)
        {
            // The v1.0 spelling is understood in either version (a v0.3 peer built on a v1.0 SDK may send it).
            index = Array.IndexOf(LifecycleVocabulary.WireNames, name);
        }

        return index >= 0
            ? index
            : throw new InvalidParamsException($"{path} must be one of {string.Join(", ", names)}; got {(name is null ? "none" : $"'{name}'")}.");
    }

    private static (string Member, JsonObject Payload) OneOf(JsonObject wrapper, string type, params string[] members)
    {
        string? found = null;
        foreach (string member in members)
        {
            if (wrapper[member] is not null)
            {
                found = found is null ? member : throw new InvalidParamsException($"A {type} carries exactly one of {string.Join(", ", members)}.");
            }
        }

        return found is null
            ? throw new InvalidParamsException($"A {type} carries one of {string.Join(", ", members)}; this one carries none.")
            : (found, Object(wrapper[found], type + "." + found));
    }

    private static JsonArray Map(JsonNode? array, Func<JsonNode?, JsonNode> map, string path = "array") =>
        array is JsonArray items
            ? new JsonArray([.. items.Select(map)])
            : throw new InvalidParamsException($"{path} must be an array.");

    private static JsonObject Object(JsonNode? node, string path) =>
        node as JsonObject ?? throw new InvalidParamsException($"{path} must be a JSON object.");

    private static JsonNode RequireString(JsonNode? node, string path) =>
        node?.GetValueKind() == JsonValueKind.String ? node.DeepClone() : throw new InvalidParamsException($"{path} must be a string.");
}
