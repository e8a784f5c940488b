using A2A.Protocol;

namespace QuickStart;

/// <summary>
/// One task's story as it happens: what the user sent, each event as it arrives (folded into the generated client
/// manager), and notes on what the client tried. Numbering goes on across turns of the same task.
/// </summary>
internal sealed class Timeline(string label)
{
    private int _index;

    public TripPlannerClientTaskManager Manager { get; } = new();

    public AgentTask Task => Manager.GetTaskOrThrow();

    public async System.Threading.Tasks.Task StreamAsync(Message sent, IAsyncEnumerable<StreamResponse> changes, Func<StreamResponse, System.Threading.Tasks.Task>? onChange = null)
    {
        Write($"user       -> \"{sent.GetText()}\"");
        await foreach (StreamResponse change in changes)
        {
            Show(Manager.Process(change));
            if (onChange is not null)
            {
                await onChange(change);
            }
        }
    }

    public void Note(string text) => Write("           .. " + text);

    private void Show(StreamResponse change) => Write(change.Kind switch
    {
        StreamResponseKind.Task => $"task          {change.Task!.Status.State.ToWireName()}",
        StreamResponseKind.StatusUpdate => $"status     -> {change.StatusUpdate!.Status.State.ToWireName()}{Say(change.StatusUpdate.Status.Message)}",
        StreamResponseKind.ArtifactUpdate => $"artifact      {change.ArtifactUpdate!.Artifact.Name ?? change.ArtifactUpdate.Artifact.ArtifactId[..8]} {(change.ArtifactUpdate.Append ? "append" : "new")}{(change.ArtifactUpdate.LastChunk ? " (last chunk)" : "")}",
        StreamResponseKind.Message => $"message       {change.Message!.Role}{Say(change.Message)}",
        _ => "?",
    });

    private void Write(string what) => Console.WriteLine($"  [{label} {++_index,2}] {what}");

    private static string Say(Message? message) => message is null ? "" : $"  \"{message.GetText()}\"";
}
