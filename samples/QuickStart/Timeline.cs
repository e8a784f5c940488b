using A2A.Protocol;

namespace QuickStart;

/// <summary>Prints one line per task event as it arrives: a readable lifecycle timeline.</summary>
internal static class Timeline
{
    public static void Show(string label, int index, StreamResponse change)
    {
        string what = change.Kind switch
        {
            StreamResponseKind.Task => $"task          {change.Task!.Status.State.ToWireName()}",
            StreamResponseKind.StatusUpdate => $"status     -> {change.StatusUpdate!.Status.State.ToWireName()}{Say(change.StatusUpdate.Status.Message)}",
            StreamResponseKind.ArtifactUpdate => $"artifact      {change.ArtifactUpdate!.Artifact.Name ?? change.ArtifactUpdate.Artifact.ArtifactId[..8]} {(change.ArtifactUpdate.Append ? "append" : "new")}{(change.ArtifactUpdate.LastChunk ? " (last chunk)" : "")}",
            StreamResponseKind.Message => $"message       {change.Message!.Role}{Say(change.Message)}",
            _ => "?",
        };
        Console.WriteLine($"  [{label} {index,2}] {what}");
    }

    private static string Say(Message? message) => message?.Parts.FirstOrDefault()?.Text is { } text ? $"  \"{text}\"" : "";
}
