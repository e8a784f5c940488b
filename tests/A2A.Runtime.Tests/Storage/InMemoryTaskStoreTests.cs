using System.Text.Json;

namespace A2A.Runtime.Tests.Storage;

/// <summary>
/// What only the in-memory store has to show: it hands out snapshots nobody can change. The contract every store
/// meets runs against it in the store conformance suite (A2A.Storage.Tests).
/// </summary>
public class InMemoryTaskStoreTests
{
    private static AgentTask NewTask(string id, TaskState state = TaskState.Submitted, string context = "c1") =>
        new() { Id = id, ContextId = context, Status = new AgentTaskStatus { State = state, Timestamp = DateTimeOffset.UtcNow } };

    [Fact]
    public async Task Stored_tasks_do_not_alias_anything_the_caller_still_holds()
    {
        var store = new InMemoryTaskStore();
        var history = new List<Message> { TestModel.UserMessage("original") };
        byte[] bytes = [1, 2, 3];
        var metadata = new Dictionary<string, JsonElement> { ["k"] = JsonSerializer.SerializeToElement(1) };
        var parts = new List<Part> { Part.FromText("a"), new() { Raw = bytes } };
        AgentTask task = NewTask("t1") with { History = history, Metadata = metadata, Artifacts = [new Artifact { ArtifactId = "a1", Parts = parts }] };

        await store.CreateAsync(task);
        history.Add(TestModel.UserMessage("sneaked in"));
        metadata["k2"] = JsonSerializer.SerializeToElement(2);
        parts.Clear();
        bytes[0] = 99;

        AgentTask stored = (await store.GetAsync("t1"))!.Task;
        Assert.Single(stored.History);
        Assert.Single(stored.Metadata!);
        Assert.Equal(2, stored.Artifacts[0].Parts.Count);
        Assert.Equal(1, stored.Artifacts[0].Parts[1].Raw!.Value.Span[0]);

        // What is handed out cannot be cast back to something writable.
        Assert.IsNotType<List<Message>>(stored.History);
        Assert.False(stored.History is IList<Message> { IsReadOnly: false });
        Assert.False(stored.Metadata is IDictionary<string, JsonElement> { IsReadOnly: false });
    }

    [Fact]
    public async Task Snapshots_serialize_exactly_like_what_was_stored()
    {
        var store = new InMemoryTaskStore();
        var metadata = new Dictionary<string, JsonElement> { ["k"] = JsonSerializer.SerializeToElement(1) };
        AgentTask task = NewTask("t1") with
        {
            History = [TestModel.UserMessage("hi") with { MessageId = "m1" }],
            Artifacts = [new Artifact { ArtifactId = "a", Parts = [Part.FromText("x"), Part.FromRaw([7]), Part.FromUrl("http://x"), Part.FromData(JsonSerializer.SerializeToElement(new { n = 1 }))], Metadata = metadata }],
        };

        await store.CreateAsync(task);
        AgentTask stored = (await store.GetAsync("t1"))!.Task;
        Assert.Equal(A2A.Json.A2AJson.Serialize(task), A2A.Json.A2AJson.Serialize(stored));
        Assert.All(stored.Artifacts[0].Parts, part => Assert.Equal(1, part.ContentCount));
    }
}
