using System.Text.Json;
using A2A.Json;
using A2A.Protocol;

namespace A2A.Runtime.Tests.Protocol;

public class ProtoJsonTests
{
    [Theory]
    [InlineData(TaskState.Submitted, "TASK_STATE_SUBMITTED")]
    [InlineData(TaskState.Working, "TASK_STATE_WORKING")]
    [InlineData(TaskState.InputRequired, "TASK_STATE_INPUT_REQUIRED")]
    [InlineData(TaskState.AuthRequired, "TASK_STATE_AUTH_REQUIRED")]
    [InlineData(TaskState.Completed, "TASK_STATE_COMPLETED")]
    [InlineData(TaskState.Failed, "TASK_STATE_FAILED")]
    [InlineData(TaskState.Canceled, "TASK_STATE_CANCELED")]
    [InlineData(TaskState.Rejected, "TASK_STATE_REJECTED")]
    public void Task_states_use_the_v1_wire_names_both_ways(TaskState state, string wire)
    {
        string json = A2AJson.Serialize(new AgentTaskStatus { State = state });
        Assert.Equal($"{{\"state\":\"{wire}\"}}", json);
        Assert.Equal(state, A2AJson.Deserialize<AgentTaskStatus>(json).State);
    }

    [Fact]
    public void Task_state_integers_are_accepted_as_ProtoJSON_requires()
    {
        Assert.Equal(TaskState.InputRequired, A2AJson.Deserialize<AgentTaskStatus>("{\"state\":6}").State);
    }

    [Theory]
    [InlineData("\"working\"")]
    [InlineData("\"input_required\"")]
    [InlineData("\"TASK_STATE_RUNNING\"")]
    [InlineData("42")]
    [InlineData("true")]
    public void Unknown_task_states_are_refused_with_the_accepted_names(string value)
    {
        var error = Assert.Throws<JsonException>(() => A2AJson.Deserialize<AgentTaskStatus>($"{{\"state\":{value}}}"));
        Assert.Contains("TASK_STATE_WORKING", error.Message);
    }

    [Fact]
    public void Legacy_names_use_a_hyphen_never_an_underscore()
    {
        Assert.Equal("input-required", TaskState.InputRequired.ToLegacyWireName());
        Assert.Equal("auth-required", TaskState.AuthRequired.ToLegacyWireName());
    }

    [Fact]
    public void Defaults_are_omitted_and_names_are_camel_case()
    {
        var message = new Message { MessageId = "m1", Role = Role.User, Parts = [Part.FromText("hi")] };
        Assert.Equal("{\"messageId\":\"m1\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"hi\"}]}", A2AJson.Serialize(message));

        var update = new TaskArtifactUpdateEvent { TaskId = "t", ContextId = "c", Artifact = new Artifact { ArtifactId = "a", Parts = [Part.FromText("x")] } };
        Assert.Equal("{\"taskId\":\"t\",\"contextId\":\"c\",\"artifact\":{\"artifactId\":\"a\",\"parts\":[{\"text\":\"x\"}]}}", A2AJson.Serialize(update));
    }

    [Fact]
    public void Text_is_escaped_only_where_JSON_requires_as_JSON_stringify_does()
    {
        Part part = Part.FromText("HTTP+JSON: submitted -> working <ok> & \"quoted\" ü");
        Assert.Equal("{\"text\":\"HTTP+JSON: submitted -> working <ok> & \\\"quoted\\\" ü\"}", A2AJson.Serialize(part));
    }

    [Fact]
    public void Empty_metadata_object_is_kept_because_presence_is_observable()
    {
        var message = new Message { MessageId = "m1", Role = Role.Agent, Parts = [Part.FromText("hi")], Metadata = new Dictionary<string, JsonElement>() };
        Assert.Contains("\"metadata\":{}", A2AJson.Serialize(message));
    }

    [Theory]
    [InlineData("2026-11-21T22:14:43Z", "2026-11-21T22:14:43.000Z")]
    [InlineData("2026-11-21T22:14:43.028Z", "2026-11-21T22:14:43.028Z")]
    [InlineData("2026-11-21T22:14:43.028999Z", "2026-11-21T22:14:43.028Z")]
    [InlineData("2026-11-21T22:14:43.123456789Z", "2026-11-21T22:14:43.123Z")]
    [InlineData("2026-11-21T23:14:43.5+01:00", "2026-11-21T22:14:43.500Z")]
    public void Timestamps_are_RFC3339_UTC_with_millisecond_precision(string input, string expected)
    {
        AgentTaskStatus status = A2AJson.Deserialize<AgentTaskStatus>($"{{\"state\":\"TASK_STATE_WORKING\",\"timestamp\":\"{input}\"}}");
        Assert.Equal($"{{\"state\":\"TASK_STATE_WORKING\",\"timestamp\":\"{expected}\"}}", A2AJson.Serialize(status));
    }

    [Theory]
    [InlineData("5", 5)]
    [InlineData("5.0", 5)]
    [InlineData("5e0", 5)]
    [InlineData("\"5\"", 5)]
    [InlineData("\"-3\"", -3)]
    public void Integer_fields_read_every_ProtoJSON_spelling(string json, int expected)
    {
        GetTaskRequest request = A2AJson.Deserialize<GetTaskRequest>($"{{\"id\":\"t\",\"historyLength\":{json}}}");
        Assert.Equal(expected, request.HistoryLength);
        Assert.Contains($"\"historyLength\":{expected}", A2AJson.Serialize(request));
    }

    [Theory]
    [InlineData("5.5")]
    [InlineData("\"five\"")]
    [InlineData("\"5.5\"")]
    [InlineData("3000000000")]
    [InlineData("true")]
    public void Integer_fields_refuse_what_is_not_a_whole_int32(string json) =>
        Assert.ThrowsAny<JsonException>(() => A2AJson.Deserialize<GetTaskRequest>($"{{\"id\":\"t\",\"historyLength\":{json}}}"));

    [Fact]
    public void Raw_bytes_are_base64_and_data_is_any_json()
    {
        Part raw = Part.FromRaw([1, 2, 3], "application/octet-stream");
        Assert.Equal("{\"raw\":\"AQID\",\"mediaType\":\"application/octet-stream\"}", A2AJson.Serialize(raw));
        Assert.Equal(new byte[] { 1, 2, 3 }, A2AJson.Deserialize<Part>("{\"raw\":\"AQID\"}").Raw!.Value.ToArray());

        Part data = A2AJson.Deserialize<Part>("{\"data\":{\"n\":[1,2,{\"x\":null}]}}");
        Assert.Equal(PartContentKind.Data, data.ContentKind);
        Assert.Equal("{\"data\":{\"n\":[1,2,{\"x\":null}]}}", A2AJson.Serialize(data));
    }

    [Theory]
    [InlineData("{}", "none")]
    [InlineData("{\"mediaType\":\"text/plain\"}", "none")]
    [InlineData("{\"text\":\"a\",\"url\":\"http://x\"}", "2")]
    public void A_part_must_carry_exactly_one_content_member(string json, string expectedWord)
    {
        var error = Assert.Throws<JsonException>(() => A2AJson.Deserialize<Part>(json));
        Assert.Contains(expectedWord, error.Message);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"task\":{\"id\":\"t\"},\"message\":{\"messageId\":\"m\"}}")]
    public void A_stream_response_must_carry_exactly_one_payload(string json)
    {
        Assert.Throws<JsonException>(() => A2AJson.Deserialize<StreamResponse>(json));
    }

    [Fact]
    public void Null_lists_read_as_empty_lists()
    {
        AgentTask task = A2AJson.Deserialize<AgentTask>("{\"id\":\"t\",\"status\":{\"state\":\"TASK_STATE_WORKING\"},\"history\":null,\"artifacts\":null}");
        Assert.Empty(task.History);
        Assert.Empty(task.Artifacts);
    }

    [Fact]
    public void Malformed_json_is_a_JsonException_not_a_crash()
    {
        Assert.Throws<JsonException>(() => A2AJson.Deserialize<AgentTask>("{\"id\":"));
        Assert.Throws<JsonException>(() => A2AJson.Deserialize<AgentTask>("null"));
        Assert.Throws<JsonException>(() => A2AJson.Deserialize<AgentTask>("{\"id\":5}"));
    }

    [Fact]
    public void Security_schemes_round_trip_with_their_oneof()
    {
        const string card = """
            {"name":"n","description":"d","version":"1","capabilities":{"streaming":false},
             "securitySchemes":{"oauth":{"oauth2SecurityScheme":{"flows":{"clientCredentials":{"tokenUrl":"https://t","scopes":{"read":"Read"}}}}},
                                "key":{"apiKeySecurityScheme":{"location":"header","name":"X-Key"}}},
             "securityRequirements":[{"schemes":{"oauth":{"list":["read"]}}}]}
            """;
        AgentCard parsed = A2AJson.Deserialize<AgentCard>(card);
        Assert.Equal("https://t", parsed.SecuritySchemes!["oauth"].OAuth2SecurityScheme!.Flows.ClientCredentials!.TokenUrl);
        Assert.False(parsed.Capabilities.Streaming);
        JsonSemantics.AssertEquivalent(card, A2AJson.Serialize(parsed));
        Assert.Contains("\"streaming\":false", A2AJson.Serialize(parsed)); // optional bool: explicit false is kept
    }
}
