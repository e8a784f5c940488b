namespace A2A.Runtime.Tests;

/// <summary>Small builders that keep tests about behavior, not object construction.</summary>
internal static class TestModel
{
    public static Message UserMessage(string text, string? taskId = null, string? contextId = null) =>
        new() { MessageId = Guid.NewGuid().ToString(), Role = Role.User, Parts = [Part.FromText(text)], TaskId = taskId, ContextId = contextId };

    public static Message AgentMessage(string text) =>
        new() { MessageId = Guid.NewGuid().ToString(), Role = Role.Agent, Parts = [Part.FromText(text)] };

    public static Artifact TextArtifact(string id, string text) => new() { ArtifactId = id, Parts = [Part.FromText(text)] };

    public static TaskManager NewManager(TaskLifecycle? lifecycle = null) => new(new InMemoryTaskStore(), lifecycle);

    public static async Task<List<TaskEventRecord>> CollectAsync(IAsyncEnumerable<TaskEventRecord> stream, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var events = new List<TaskEventRecord>();
        await foreach (TaskEventRecord record in stream.WithCancellation(cts.Token))
        {
            events.Add(record);
        }

        return events;
    }
}
