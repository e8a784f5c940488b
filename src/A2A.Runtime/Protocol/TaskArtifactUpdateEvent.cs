using System.Text.Json;

namespace A2A.Protocol;

/// <summary>A streamed artifact, or one chunk of it.</summary>
/// <remarks>
/// With <see cref="Append"/> false the artifact replaces any artifact with the same id (or is added); with
/// <see cref="Append"/> true its parts extend the existing artifact with the same id, which must exist.
/// <see cref="LastChunk"/> marks the final chunk.
/// </remarks>
public sealed record TaskArtifactUpdateEvent
{
    /// <summary>The task the artifact belongs to. Required.</summary>
    public string TaskId { get; init; } = "";

    /// <summary>The task's context. Required.</summary>
    public string ContextId { get; init; } = "";

    /// <summary>The artifact or chunk. Required.</summary>
    public Artifact Artifact { get; init; } = new();

    /// <summary>True when the parts extend an artifact sent earlier with the same id.</summary>
    public bool Append { get; init; }

    /// <summary>True on the final chunk of the artifact.</summary>
    public bool LastChunk { get; init; }

    /// <summary>Optional metadata.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }
}
