using System.Text.Json;
using A2A.Protocol;
using FsCheck;
using FsCheck.Fluent;

namespace A2A.Testing;

/// <summary>
/// FsCheck generators of the protocol model the toolkit produces and stores, weighted toward the edges of ProtoJSON:
/// empty text parts, empty and odd data, files with and without bytes, URLs, metadata holding every JSON kind, empty
/// and non-ASCII strings, and tasks with history, artifacts and status messages. Shared by the JSON, store and server
/// round-trip properties, so that each checks the same values.
/// </summary>
internal static class ModelGenerators
{
    private static readonly string[] Words = ["", " ", "a", "hello", "Grüße", "日本語", "emoji 🙂", "quote \" backslash \\", "line\nbreak", "<b>&amp;</b>", "+ -> ~"];

    private static readonly string[] JsonValues =
    [
        "null", "true", "false", "0", "-1", "1.5", "1e300", "\"\"", "\"text\"", "\"🙂\"", "[]", "{}", "[1,\"x\",null,{}]",
        """{"nested":{"deeper":[true,{"k":""}]},"n":-0.25}""",
    ];

    /// <summary>Any text, often empty.</summary>
    public static Gen<string> Text { get; } = Gen.Elements(Words);

    /// <summary>Any JSON value: every kind, empty containers, nesting.</summary>
    public static Gen<JsonElement> JsonValue { get; } = Gen.Elements(JsonValues).Select(json => JsonDocument.Parse(json).RootElement.Clone());

    /// <summary>Absent, empty, or a few keys (empty key included) with any JSON values.</summary>
    public static Gen<IReadOnlyDictionary<string, JsonElement>?> Metadata { get; } = Gen.Frequency(
        (3, Gen.Constant<IReadOnlyDictionary<string, JsonElement>?>(null)),
        (1, Gen.Constant<IReadOnlyDictionary<string, JsonElement>?>(new Dictionary<string, JsonElement>())),
        (3, from keys in Gen.SubListOf("k", "", "key with space", "ключ")
            from values in Gen.ArrayOf(JsonValue, keys.Count)
            select (IReadOnlyDictionary<string, JsonElement>?)keys.Zip(values).ToDictionary(p => p.First, p => p.Second)));

    /// <summary>One part of each kind, edges included.</summary>
    public static Gen<Part> Part { get; } =
        from kind in Gen.Choose(0, 5)
        from text in Text
        from data in JsonValue
        from length in Gen.Choose(1, 8)
        from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), length)
        from mediaType in Gen.Elements<string?>(null, "text/plain", "application/octet-stream", "")
        from filename in Gen.Elements<string?>(null, "a.bin", "")
        from metadata in Metadata
        select (kind switch
        {
            0 => Protocol.Part.FromText(text),
            1 => Protocol.Part.FromText(""),
            2 => Protocol.Part.FromData(data, mediaType),
            3 => Protocol.Part.FromRaw(bytes, mediaType, filename),
            4 => Protocol.Part.FromRaw([], mediaType, filename),
            _ => Protocol.Part.FromUrl("https://example.com/f?q=" + Uri.EscapeDataString(text), mediaType, filename),
        }) with { Metadata = metadata };

    /// <summary>One to four parts.</summary>
    public static Gen<Part[]> Parts { get; } = Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Part, n));

    /// <summary>A user message that names no task or context (what a client sends to start a task).</summary>
    public static Gen<Message> UserMessage { get; } =
        from parts in Parts
        from metadata in Metadata
        from extensions in Gen.SubListOf("https://example.com/ext/a", "urn:x")
        select new Message { MessageId = Guid.NewGuid().ToString(), Role = Role.User, Parts = parts, Metadata = metadata, Extensions = [.. extensions] };

    /// <summary>A message of either role in a task's context.</summary>
    public static Gen<Message> MessageIn(string taskId, string contextId) =>
        from message in UserMessage
        from agent in Gen.Elements(false, true)
        select message with { Role = agent ? Role.Agent : Role.User, TaskId = taskId, ContextId = contextId };

    /// <summary>An artifact with any parts, name and metadata.</summary>
    public static Gen<Artifact> Artifact { get; } =
        from parts in Parts
        from name in Gen.Elements<string?>(null, "", "report", "отчёт")
        from description in Gen.Elements<string?>(null, "", "what it is")
        from metadata in Metadata
        select new Artifact { ArtifactId = Guid.NewGuid().ToString(), Name = name, Description = description, Parts = parts, Metadata = metadata };

    /// <summary>A task in any state, with history, artifacts, a status message and metadata, any of them empty.</summary>
    public static Gen<AgentTask> Task { get; } =
        from state in Gen.Elements(Enum.GetValues<TaskState>().Where(s => s != TaskState.Unspecified).ToArray())
        from history in Gen.Choose(0, 3)
        from artifacts in Gen.Choose(0, 2)
        from withStatusMessage in Gen.Elements(false, true)
        from metadata in Metadata
        from seconds in Gen.Choose(0, 2_000_000_000)
        from millis in Gen.Choose(0, 999)
        let id = Guid.NewGuid().ToString()
        let context = Guid.NewGuid().ToString()
        from messages in Gen.ArrayOf(MessageIn(id, context), history + 1)
        from made in Gen.ArrayOf(Artifact, artifacts)
        select new AgentTask
        {
            Id = id,
            ContextId = context,
            Status = new AgentTaskStatus
            {
                State = state,
                Message = withStatusMessage ? messages[^1] with { Role = Role.Agent } : null,
                Timestamp = DateTimeOffset.FromUnixTimeSeconds(seconds).AddMilliseconds(millis),
            },
            History = messages[..^1],
            Artifacts = made,
            Metadata = metadata,
        };

    /// <summary>An event of the task's stream: its snapshot, a status update, an artifact update (a chunk or whole), or a message.</summary>
    public static Gen<StreamResponse> EventOf(AgentTask task) =>
        from kind in Gen.Choose(0, 3)
        from artifact in Artifact
        from append in Gen.Elements(false, true)
        from last in Gen.Elements(false, true)
        from message in MessageIn(task.Id, task.ContextId ?? "")
        from metadata in Metadata
        select kind switch
        {
            0 => StreamResponse.From(task),
            1 => StreamResponse.From(new TaskStatusUpdateEvent { TaskId = task.Id, ContextId = task.ContextId ?? "", Status = task.Status, Metadata = metadata }),
            2 => StreamResponse.From(new TaskArtifactUpdateEvent { TaskId = task.Id, ContextId = task.ContextId ?? "", Artifact = artifact, Append = append, LastChunk = last, Metadata = metadata }),
            _ => StreamResponse.From(message),
        };

    /// <summary>
    /// The value as v0.3 can hold it: data parts without a media type (v0.3's DataPart has none), and without an
    /// empty metadata object when their value is not an object (the v0.3 translation flags such a part in its
    /// metadata). Everything else survives a v0.3 round trip as it is.
    /// </summary>
    public static T AsV03Holds<T>(T value)
    {
        System.Text.Json.Nodes.JsonNode node = System.Text.Json.Nodes.JsonNode.Parse(A2A.Json.A2AJson.Serialize(value))!;
        Strip(node);
        return A2A.Json.A2AJson.Deserialize<T>(node.ToJsonString());

        static void Strip(System.Text.Json.Nodes.JsonNode? node)
        {
            switch (node)
            {
                case System.Text.Json.Nodes.JsonObject part when part.ContainsKey("data") && (part.ContainsKey("raw") || part.ContainsKey("text") || part.ContainsKey("url")) is false:
                    part.Remove("mediaType");
                    if (part["data"] is not System.Text.Json.Nodes.JsonObject && part["metadata"] is System.Text.Json.Nodes.JsonObject { Count: 0 })
                    {
                        part.Remove("metadata");
                    }

                    break;
                case System.Text.Json.Nodes.JsonObject container:
                    foreach ((string name, System.Text.Json.Nodes.JsonNode? child) in container.ToList())
                    {
                        if (name is not ("metadata" or "data"))
                        {
                            Strip(child);
                        }
                    }

                    break;
                case System.Text.Json.Nodes.JsonArray array:
                    foreach (System.Text.Json.Nodes.JsonNode? item in array)
                    {
                        Strip(item);
                    }

                    break;
            }
        }
    }
}
