using A2A.Protocol;
using A2A.Storage;
using A2A.Tasks;

namespace QuickStart;

/// <summary>Prints one line per task event: a readable lifecycle timeline.</summary>
internal sealed class Timeline
{
    /// <summary>Replays a task's events after <paramref name="after"/> through the client manager; returns the last sequence seen.</summary>
    public async Task<long> ReplayAsync(string label, TripPlannerTaskManager manager, string taskId, long after, TripPlannerClientTaskManager client)
    {
        long last = after;
        var options = new TaskSubscriptionOptions { AfterSequence = after, EndAtInterruption = true };
        await foreach (TaskEventRecord record in manager.SubscribeAsync(taskId, options))
        {
            Show(label, record, client.Process(record.Event));
            last = record.Sequence;
        }

        return last;
    }

    private static void Show(string label, TaskEventRecord record, StreamResponse change)
    {
        string what = change.Kind switch
        {
            StreamResponseKind.Task => $"snapshot      {change.Task!.Status.State.ToWireName()}",
            StreamResponseKind.StatusUpdate => $"status     -> {change.StatusUpdate!.Status.State.ToWireName()}{Say(change.StatusUpdate.Status.Message)}",
            StreamResponseKind.ArtifactUpdate => $"artifact      {change.ArtifactUpdate!.Artifact.Name ?? change.ArtifactUpdate.Artifact.ArtifactId[..8]} {(change.ArtifactUpdate.Append ? "append" : "new")}{(change.ArtifactUpdate.LastChunk ? " (last chunk)" : "")}",
            StreamResponseKind.Message => $"message       {change.Message!.Role}{Say(change.Message)}",
            _ => "?",
        };
        Console.WriteLine($"[{label} #{record.Sequence,2}] {what}");
    }

    private static string Say(Message? message) => message?.Parts.FirstOrDefault()?.Text is { } text ? $"  \"{text}\"" : "";
}
