using System.Text.Json;
using A2A.Json;
using A2A.Protocol;

namespace A2A.Runtime.Tests.Protocol;

/// <summary>Every v1.0 body recorded from the JavaScript SDK parses and re-serializes to semantically equal JSON.</summary>
public class WireCorpusTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "TestData", "wire");

    public static TheoryData<string> Files(string folder) =>
        new(Directory.GetFiles(Path.Combine(Root, folder), "*.json").Select(Path.GetFileName).Order()!);

    [Fact]
    public void Corpus_is_present_and_covers_every_kind()
    {
        foreach (string folder in new[] { "message", "send-response", "task", "stream", "card" })
        {
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(Root, folder), "*.json"));
        }

        Assert.True(Directory.GetFiles(Root, "*.json", SearchOption.AllDirectories).Length >= 45);
    }

    [Theory]
    [MemberData(nameof(Files), "message")]
    public void Messages_round_trip(string file) => RoundTrip<Message>("message", file);

    [Theory]
    [MemberData(nameof(Files), "send-response")]
    public void Send_responses_round_trip(string file) => RoundTrip<SendMessageResponse>("send-response", file);

    [Theory]
    [MemberData(nameof(Files), "task")]
    public void Tasks_round_trip(string file) => RoundTrip<AgentTask>("task", file);

    [Theory]
    [MemberData(nameof(Files), "stream")]
    public void Stream_responses_round_trip(string file) => RoundTrip<StreamResponse>("stream", file);

    [Theory]
    [MemberData(nameof(Files), "card")]
    public void Agent_cards_round_trip(string file) => RoundTrip<AgentCard>("card", file);

    [Fact]
    public void Lower_case_enum_spellings_are_refused_with_the_accepted_values_named()
    {
        string message = File.ReadAllText(Path.Combine(Root, "invalid", "message-raw-014-v1-rpc-lowercase-enum-values.json"));
        var error = Assert.Throws<JsonException>(() => A2AJson.Deserialize<Message>(message));
        Assert.Contains("\"user\"", error.Message);
        Assert.Contains("ROLE_USER", error.Message);

        string response = File.ReadAllText(Path.Combine(Root, "invalid", "send-response-raw-014-v1-rpc-lowercase-enum-values.json"));
        Assert.Throws<JsonException>(() => A2AJson.Deserialize<SendMessageResponse>(response));
    }

    [Fact]
    public void Stream_events_parse_to_the_payload_kind_they_carry()
    {
        string dir = Path.Combine(Root, "stream");
        StreamResponse[] events = Directory.GetFiles(dir, "v1-jsonrpc-003-stream-*.json").Order()
            .Select(f => A2AJson.Deserialize<StreamResponse>(File.ReadAllText(f))).ToArray();

        Assert.Equal(
            [StreamResponseKind.Task, StreamResponseKind.StatusUpdate, StreamResponseKind.ArtifactUpdate, StreamResponseKind.ArtifactUpdate, StreamResponseKind.StatusUpdate],
            events.Select(e => e.Kind));
        Assert.Equal(TaskState.Submitted, events[0].Task!.Status.State);
        Assert.False(events[2].ArtifactUpdate!.Append);
        Assert.True(events[3].ArtifactUpdate!.Append);
        Assert.True(events[3].ArtifactUpdate!.LastChunk);
        Assert.Equal(TaskState.Completed, events[4].StatusUpdate!.Status.State);
    }

    private static void RoundTrip<T>(string folder, string file)
    {
        string original = File.ReadAllText(Path.Combine(Root, folder, file));
        T parsed = A2AJson.Deserialize<T>(original);
        string written = A2AJson.Serialize(parsed);
        JsonSemantics.AssertEquivalent(original, written);

        // A second trip must be byte-identical: the writer is deterministic.
        Assert.Equal(written, A2AJson.Serialize(A2AJson.Deserialize<T>(written)));
    }
}
