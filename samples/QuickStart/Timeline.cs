using A2A.Protocol;
using A2A.Storage;

namespace QuickStart;

/// <summary>Prints one line per task event: a readable lifecycle timeline.</summary>
internal sealed class Timeline
{
    public void Show(string label, TaskEventRecord record, StreamResponse processed)
    {
        string what = processed.Kind switch
        {
            StreamResponseKind.Task => $"snapshot      {processed.Task!.Status.State.ToWireName()}",
            StreamResponseKind.StatusUpdate => $"status     -> {processed.StatusUpdate!.Status.State.ToWireName()}{Say(processed.StatusUpdate.Status.Message)}",
            StreamResponseKind.ArtifactUpdate => $"artifact      {processed.ArtifactUpdate!.Artifact.ArtifactId[..8]} {(processed.ArtifactUpdate.Append ? "append" : "new")}{(processed.ArtifactUpdate.LastChunk ? " (last chunk)" : "")}",
            StreamResponseKind.Message => $"message       {processed.Message!.Role}{Say(processed.Message)}",
            _ => "?",
        };
        Console.WriteLine($"[{label} #{record.Sequence,2}] {what}");
    }

    private static string Say(Message? message) => message?.Parts.FirstOrDefault()?.Text is { } text ? $"  \"{text}\"" : "";
}
