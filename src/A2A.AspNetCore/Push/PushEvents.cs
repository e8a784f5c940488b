namespace A2A.AspNetCore.Push;

/// <summary>Which of a task's changes are pushed to its webhooks.</summary>
[Flags]
public enum PushEvents
{
    /// <summary>Nothing is pushed.</summary>
    None = 0,

    /// <summary>The task's snapshots (its creation) and every status change (working, input-required, completed, ...).</summary>
    StatusChanges = 1,

    /// <summary>
    /// Each artifact once it is complete (its chunk with <c>lastChunk</c>): pushed as one <c>artifactUpdate</c> with
    /// the whole artifact as the task holds it, so the receiver never has to join chunks.
    /// </summary>
    ArtifactCompletions = 2,

    /// <summary>Every artifact chunk as the agent sent it (instead of <see cref="ArtifactCompletions"/>): chatty with streamed text.</summary>
    ArtifactChunks = 4,

    /// <summary>Follow-up messages the client sent to the task.</summary>
    Messages = 8,
}
