using System.Text.Json;

namespace A2A.Protocol;

/// <summary>An output of a task: a document, an image, structured data. Streamed in chunks by <see cref="TaskArtifactUpdateEvent"/>.</summary>
public sealed record Artifact
{
    private IReadOnlyList<Part> _parts = [];
    private IReadOnlyList<string> _extensions = [];

    /// <summary>Id of the artifact, unique within its task. Required.</summary>
    public string ArtifactId { get; init; } = "";

    /// <summary>Optional human-readable name.</summary>
    public string? Name { get; init; }

    /// <summary>Optional human-readable description.</summary>
    public string? Description { get; init; }

    /// <summary>The content. Required: at least one part.</summary>
    public IReadOnlyList<Part> Parts { get => _parts; init => _parts = value ?? []; }

    /// <summary>Optional metadata.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>URIs of the extensions present in this artifact.</summary>
    public IReadOnlyList<string> Extensions { get => _extensions; init => _extensions = value ?? []; }
}
