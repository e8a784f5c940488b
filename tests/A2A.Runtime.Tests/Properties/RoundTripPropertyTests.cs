using System.Text.Json.Nodes;
using A2A.Json;
using A2A.Protocol.V03;
using A2A.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace A2A.Runtime.Tests.Properties;

/// <summary>
/// Every model value the toolkit produces comes back exactly from both of its JSON forms: the v1.0 ProtoJSON it stores
/// and serves, and the v0.3 JSON of both bindings that v0.3 clients get. Values are generated toward the edges
/// (<see cref="ModelGenerators"/>): empty text parts, empty data, files without bytes, metadata of every JSON kind.
/// </summary>
/// <remarks>
/// v0.3 cannot hold two things v1.0 can: a data part's media type (v0.3's DataPart has none), and an empty metadata
/// object on a data part whose value is not an object (the translation's compatibility flag shares that object); the
/// v0.3 properties compare against the value without them (<see cref="ModelGenerators.AsV03Holds"/>), and nothing else may differ.
/// </remarks>
public class RoundTripPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);

    [Fact]
    public void Tasks_round_trip_through_v1_json() =>
        Check.One(Runs, Prop.ForAll(ModelGenerators.Task.ToArbitrary(), task => SameAfter(task, json => A2AJson.Deserialize<AgentTask>(json))));

    [Fact]
    public void Events_round_trip_through_v1_json() =>
        Check.One(Runs, Prop.ForAll(ModelGenerators.Task.SelectMany(ModelGenerators.EventOf).ToArbitrary(), change => SameAfter(change, json => A2AJson.Deserialize<StreamResponse>(json))));

    [Fact]
    public void Messages_round_trip_through_v1_json() =>
        Check.One(Runs, Prop.ForAll(ModelGenerators.UserMessage.ToArbitrary(), message => SameAfter(message, json => A2AJson.Deserialize<Message>(json))));

    [Theory]
    [InlineData("JsonRpc")]
    [InlineData("HttpJson")]
    public void Tasks_round_trip_through_v03_json(string bindingName)
    {
        V03Binding binding = Enum.Parse<V03Binding>(bindingName);
        Check.One(Runs, Prop.ForAll(ModelGenerators.Task.ToArbitrary(), task =>
            SameAfter(ModelGenerators.AsV03Holds(task), _ => V03Json.FromNode<AgentTask>(V03Json.FromTask(Reparse(V03Json.ToTask(V03Json.ToNode(ModelGenerators.AsV03Holds(task)), binding)), binding)))));
    }

    [Theory]
    [InlineData("JsonRpc")]
    [InlineData("HttpJson")]
    public void Events_round_trip_through_v03_json(string bindingName)
    {
        V03Binding binding = Enum.Parse<V03Binding>(bindingName);
        Check.One(Runs, Prop.ForAll(ModelGenerators.Task.SelectMany(ModelGenerators.EventOf).ToArbitrary(), change =>
            SameAfter(ModelGenerators.AsV03Holds(change), _ => V03Json.FromNode<StreamResponse>(V03Json.FromStreamResponse(Reparse(V03Json.ToStreamResponse(V03Json.ToNode(ModelGenerators.AsV03Holds(change)), binding)), binding)))));
    }

    [Theory]
    [InlineData("JsonRpc")]
    [InlineData("HttpJson")]
    public void Messages_round_trip_through_v03_json(string bindingName)
    {
        V03Binding binding = Enum.Parse<V03Binding>(bindingName);
        Check.One(Runs, Prop.ForAll(ModelGenerators.UserMessage.ToArbitrary(), message =>
            SameAfter(ModelGenerators.AsV03Holds(message), _ => V03Json.FromNode<Message>(V03Json.FromMessage(Reparse(V03Json.ToMessage(V03Json.ToNode(ModelGenerators.AsV03Holds(message)), binding)), binding)))));
    }

    // Serialized, read back (through the given path) and serialized again: the same text.
    private static bool SameAfter<T>(T value, Func<string, T> readBack)
    {
        string json = A2AJson.Serialize(value);
        string again = A2AJson.Serialize(readBack(json));
        return json == again ? true : throw new Xunit.Sdk.XunitException($"Not the same after the round trip:\n  {json}\n  {again}");
    }

    // What a peer sees: the translated JSON as bytes on the wire, parsed again.
    private static JsonNode Reparse(JsonObject node) =>
        JsonNode.Parse(V03Json.ToUtf8Bytes(node))!;
}
