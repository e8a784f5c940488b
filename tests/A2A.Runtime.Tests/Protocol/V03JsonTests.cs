using System.Text.Json;
using System.Text.Json.Nodes;
using A2A.Errors;
using A2A.Json;
using A2A.Protocol;
using A2A.Protocol.V03;

namespace A2A.Runtime.Tests.Protocol;

/// <summary>The v1.0/v0.3 translation: every shape survives the round trip, and the v0.3 spellings are the ones its bindings use.</summary>
public sealed class V03JsonTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);


    private static AgentTask RichTask(TaskState state) => new()
    {
        Id = "t1",
        ContextId = "c1",
        Status = new AgentTaskStatus { State = state, Timestamp = At, Message = new Message { MessageId = "s", Role = Role.Agent, Parts = [Part.FromText("status")], TaskId = "t1", ContextId = "c1" } },
        History =
        [
            new Message
            {
                MessageId = "m1", Role = Role.User, TaskId = "t1", ContextId = "c1", Extensions = ["urn:x"], ReferenceTaskIds = ["t0"],
                Parts =
                [
                    Part.FromText("hi"), Part.FromRaw([1, 2, 3], "application/octet-stream", "a.bin"), Part.FromUrl("https://x.example/f", "text/plain", "f.txt"),
                    Part.FromData(JsonDocument.Parse("""{"a":1}""").RootElement), Part.FromData(JsonDocument.Parse("[1,2]").RootElement), Part.FromData(JsonDocument.Parse("\"s\"").RootElement),
                ],
                Metadata = new Dictionary<string, JsonElement> { ["k"] = JsonDocument.Parse("true").RootElement },
            },
        ],
        Artifacts = [new Artifact { ArtifactId = "a1", Name = "result", Parts = [Part.FromText("Hello")] }],
        Metadata = new Dictionary<string, JsonElement> { ["m"] = JsonDocument.Parse("\"v\"").RootElement },
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_state_and_part_kind_survives_a_round_trip(bool jsonRpc)
    {
        V03Binding binding = jsonRpc ? V03Binding.JsonRpc : V03Binding.HttpJson;
        foreach (TaskState state in Enum.GetValues<TaskState>())
        {
            AgentTask task = RichTask(state);
            JsonObject v03 = V03Json.ToTask(Node(task), binding);
            AgentTask back = JsonSerializer.Deserialize(V03Json.FromTask(v03, binding), A2AJson.TypeInfo<AgentTask>())!;
            Assert.Equal(A2AJson.Serialize(task), A2AJson.Serialize(back));
        }
    }

    [Fact]
    public void Json_rpc_uses_the_v03_schema_spellings()
    {
        JsonObject v03 = V03Json.ToTask(Node(RichTask(TaskState.InputRequired)), V03Binding.JsonRpc);
        Assert.Equal(("task", "input-required", "user"), (Text(v03["kind"]), Text(v03["status"]!["state"]), Text(v03["history"]![0]!["role"])));
        JsonArray parts = v03["history"]![0]!["parts"]!.AsArray();
        Assert.Equal(["text", "file", "file", "data", "data", "data"], parts.Select(p => Text(p!["kind"])));
        Assert.Equal(("AQID", "application/octet-stream", "a.bin"), (Text(parts[1]!["file"]!["bytes"]), Text(parts[1]!["file"]!["mimeType"]), Text(parts[1]!["file"]!["name"])));
        Assert.Equal("https://x.example/f", Text(parts[2]!["file"]!["uri"]));

        // A data value that is not an object is wrapped and flagged, as the JavaScript SDK does.
        Assert.Equal("""{"value":[1,2]}""", Json(parts[4]!["data"]!));
        Assert.True(parts[4]!["metadata"]!["data_part_compat"]!.GetValue<bool>());
        Assert.Null(parts[3]!["metadata"]);
    }

    [Fact]
    public void Http_json_uses_the_v03_proto_spellings()
    {
        JsonObject v03 = V03Json.ToTask(Node(RichTask(TaskState.Canceled)), V03Binding.HttpJson);
        Assert.Null(v03["kind"]);
        Assert.Equal(("TASK_STATE_CANCELLED", "ROLE_USER"), (Text(v03["status"]!["state"]), Text(v03["history"]![0]!["role"])));
        JsonObject message = v03["history"]![0]!.AsObject();
        Assert.Null(message["parts"]);
        JsonArray content = message["content"]!.AsArray();
        Assert.Equal(("hi", "AQID", "https://x.example/f", """{"a":1}"""), (Text(content[0]!["text"]), Text(content[1]!["file"]!["fileWithBytes"]), Text(content[2]!["file"]!["fileWithUri"]), Json(content[3]!["data"]!["data"]!)));
        Assert.Equal("parts", v03["artifacts"]![0]!.AsObject().Select(p => p.Key).Single(k => k.StartsWith('p')));
    }

    [Theory]
    [InlineData(TaskState.Working, false)]
    [InlineData(TaskState.InputRequired, true)]
    [InlineData(TaskState.Completed, true)]
    [InlineData(TaskState.Rejected, true)]
    public void The_status_update_that_ends_the_stream_is_final(TaskState state, bool final)
    {
        var update = StreamResponse.From(new TaskStatusUpdateEvent { TaskId = "t", ContextId = "c", Status = new AgentTaskStatus { State = state, Timestamp = At } });
        JsonObject rpc = V03Json.ToStreamResponse(Node(update), V03Binding.JsonRpc);
        JsonObject rest = V03Json.ToStreamResponse(Node(update), V03Binding.HttpJson);
        Assert.Equal(("status-update", final), (Text(rpc["kind"]), rpc["final"]!.GetValue<bool>()));
        Assert.Equal(final, rest["statusUpdate"]!["final"]?.GetValue<bool>() ?? false); // proto3 leaves false out
        Assert.Equal(A2AJson.Serialize(update), A2AJson.Serialize(JsonSerializer.Deserialize(V03Json.FromStreamResponse(rpc, V03Binding.JsonRpc), A2AJson.TypeInfo<StreamResponse>())!));
        Assert.Equal(A2AJson.Serialize(update), A2AJson.Serialize(JsonSerializer.Deserialize(V03Json.FromStreamResponse(rest, V03Binding.HttpJson), A2AJson.TypeInfo<StreamResponse>())!));
    }

    [Theory]
    [InlineData("""{"message":{"kind":"message","messageId":"m","role":"user","parts":[{"kind":"text","text":"hi"}]}}""", false)]
    [InlineData("""{"message":{"kind":"message","messageId":"m","role":"user","parts":[{"kind":"text","text":"hi"}]},"configuration":{"blocking":true}}""", false)]
    [InlineData("""{"message":{"kind":"message","messageId":"m","role":"user","parts":[{"kind":"text","text":"hi"}]},"configuration":{"blocking":false}}""", true)]
    public void A_json_rpc_send_without_blocking_waits(string parameters, bool returnImmediately)
    {
        JsonObject v1 = V03Json.FromSendMessageRequest(JsonNode.Parse(parameters), V03Binding.JsonRpc);
        Assert.Equal(returnImmediately, v1["configuration"]?["returnImmediately"]?.GetValue<bool>() ?? false);
    }

    [Theory]
    [InlineData("""{"message":{"messageId":"m","role":"ROLE_USER","content":[{"text":"hi"}]}}""", true)]
    [InlineData("""{"message":{"messageId":"m","role":"ROLE_USER","content":[{"text":"hi"}]},"configuration":{}}""", true)]
    [InlineData("""{"message":{"messageId":"m","role":"ROLE_USER","content":[{"text":"hi"}]},"configuration":{"blocking":true}}""", false)]
    public void An_http_json_send_without_blocking_returns_at_once_as_proto3_reads_it(string body, bool returnImmediately)
    {
        JsonObject v1 = V03Json.FromSendMessageRequest(JsonNode.Parse(body), V03Binding.HttpJson);
        Assert.Equal(returnImmediately, v1["configuration"]?["returnImmediately"]?.GetValue<bool>() ?? false);
    }

    [Fact]
    public void Push_configurations_nest_under_the_task_and_keep_their_first_scheme()
    {
        var config = new TaskPushNotificationConfig { TaskId = "t1", Id = "c1", Url = "https://hooks.example/", Token = "tok", Authentication = new AuthenticationInfo { Scheme = "Bearer", Credentials = "secret" } };
        JsonObject rpc = V03Json.ToTaskPushConfig(Node(config), V03Binding.JsonRpc);
        JsonObject rest = V03Json.ToTaskPushConfig(Node(config), V03Binding.HttpJson);
        Assert.Equal("""{"taskId":"t1","pushNotificationConfig":{"id":"c1","url":"https://hooks.example/","token":"tok","authentication":{"schemes":["Bearer"],"credentials":"secret"}}}""", Json(rpc));
        Assert.Equal("tasks/t1/pushNotificationConfigs/c1", Text(rest["name"]));
        Assert.Equal(A2AJson.Serialize(config), A2AJson.Serialize(JsonSerializer.Deserialize(V03Json.FromTaskPushConfig(rpc, taskId: null), A2AJson.TypeInfo<TaskPushNotificationConfig>())!));
    }

    [Theory]
    [InlineData("""{"kind":"message","messageId":"m","role":"user","parts":[{"text":"hi"}]}""", "kind")]
    [InlineData("""{"kind":"message","messageId":"m","role":"ROLE_USER","parts":[{"kind":"text","text":"hi"}]}""", "role")]
    [InlineData("""{"kind":"message","messageId":"m","role":"user"}""", "parts")]
    [InlineData("""{"kind":"message","messageId":"m","role":"user","parts":[{"kind":"file","file":{"name":"x"}}]}""", "file")]
    [InlineData("""{"kind":"message","messageId":"m","role":"user","parts":[{"kind":"data","data":"x"}]}""", "data")]
    [InlineData("""{"kind":"message","messageId":"m","role":"user","parts":[{"kind":"text","text":"hi"}],"kind2":1,"parts2":[]}""", null)]
    public void Malformed_v03_messages_are_invalid_params_that_say_what_is_wrong(string message, string? mentioned)
    {
        if (mentioned is null)
        {
            Assert.NotNull(V03Json.FromMessage(JsonNode.Parse(message), V03Binding.JsonRpc)); // unknown members pass through to the v1.0 reader
            return;
        }

        InvalidParamsException error = Assert.Throws<InvalidParamsException>(() => V03Json.FromMessage(JsonNode.Parse(message), V03Binding.JsonRpc));
        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_v1_card_gains_the_v03_fields_and_a_v03_only_card_reads_back_as_v1()
    {
        var card = new AgentCard
        {
            Name = "agent",
            Description = "d",
            Version = "1.0.0",
            SupportedInterfaces =
            [
                new AgentInterface { Url = "https://a.example/a2a", ProtocolBinding = ProtocolBindings.JsonRpc, ProtocolVersion = "1.0" },
                new AgentInterface { Url = "https://a.example/a2a", ProtocolBinding = ProtocolBindings.JsonRpc, ProtocolVersion = "0.3" },
                new AgentInterface { Url = "https://a.example/a2a", ProtocolBinding = ProtocolBindings.HttpJson, ProtocolVersion = "0.3" },
            ],
            Capabilities = new AgentCapabilities { Streaming = true, ExtendedAgentCard = true },
            SecuritySchemes = new Dictionary<string, SecurityScheme>
            {
                ["bearer"] = new() { HttpAuthSecurityScheme = new HttpAuthSecurityScheme { Scheme = "Bearer", BearerFormat = "JWT" } },
                ["key"] = new() { ApiKeySecurityScheme = new ApiKeySecurityScheme { Location = "header", Name = "X-Key" } },
            },
            SecurityRequirements = [new SecurityRequirement { Schemes = new Dictionary<string, StringList> { ["bearer"] = new() { List = ["read"] } } }],
            DefaultInputModes = ["text/plain"],
            DefaultOutputModes = ["text/plain"],
            Skills = [new AgentSkill { Id = "s", Name = "s", Description = "d", Tags = ["t"] }],
        };
        JsonObject blended = V03Card.ToBlended(Node(card));
        Assert.Equal(("https://a.example/a2a", "JSONRPC", "0.3.0", true), (Text(blended["url"]), Text(blended["preferredTransport"]), Text(blended["protocolVersion"]), blended["supportsAuthenticatedExtendedCard"]!.GetValue<bool>()));
        Assert.Equal("""[{"url":"https://a.example/a2a","transport":"HTTP+JSON"}]""", Json(blended["additionalInterfaces"]!));
        Assert.Equal("""{"type":"http","scheme":"Bearer","bearerFormat":"JWT"}""", Json(blended["securitySchemes"]!["bearer"]!));
        Assert.Equal("""{"type":"apiKey","in":"header","name":"X-Key"}""", Json(blended["securitySchemes"]!["key"]!));
        Assert.Equal("""[{"bearer":["read"]}]""", Json(blended["security"]!));

        blended.Remove("supportedInterfaces");
        Assert.True(V03Card.IsLegacyOnly(blended));
        AgentCard back = JsonSerializer.Deserialize(V03Card.FromLegacy(blended), A2AJson.TypeInfo<AgentCard>())!;
        Assert.Equal(["JSONRPC 0.3.0 https://a.example/a2a", "HTTP+JSON 0.3.0 https://a.example/a2a"], back.SupportedInterfaces.Select(i => $"{i.ProtocolBinding} {i.ProtocolVersion} {i.Url}"));
        Assert.Equal(A2AJson.Serialize(card with { SupportedInterfaces = back.SupportedInterfaces }), A2AJson.Serialize(back));
    }

    private static JsonObject Node<T>(T value) => (JsonObject)JsonSerializer.SerializeToNode(value, A2AJson.TypeInfo<T>())!;

    private static string? Text(JsonNode? node) => node?.GetValue<string>();

    private static string Json(JsonNode node) => System.Text.Encoding.UTF8.GetString(V03Json.ToUtf8Bytes(node));
}
