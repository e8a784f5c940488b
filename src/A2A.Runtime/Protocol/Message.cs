using System.Text.Json;

namespace A2A.Protocol;

/// <summary>One turn of communication between a client and an agent.</summary>
public sealed record Message
{
    private IReadOnlyList<Part> _parts = [];
    private IReadOnlyList<string> _extensions = [];
    private IReadOnlyList<string> _referenceTaskIds = [];

    /// <summary>Unique id of the message, chosen by its sender. Required.</summary>
    public string MessageId { get; init; } = "";

    /// <summary>The conversation this message belongs to.</summary>
    public string? ContextId { get; init; }

    /// <summary>The task this message belongs to, if any.</summary>
    public string? TaskId { get; init; }

    /// <summary>Who sent the message. Required.</summary>
    public Role Role { get; init; }

    /// <summary>The content. Required: at least one part.</summary>
    public IReadOnlyList<Part> Parts { get => _parts; init => _parts = value ?? []; }

    /// <summary>Optional metadata.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>URIs of the extensions present in this message.</summary>
    public IReadOnlyList<string> Extensions { get => _extensions; init => _extensions = value ?? []; }

    /// <summary>Ids of other tasks this message refers to.</summary>
    public IReadOnlyList<string> ReferenceTaskIds { get => _referenceTaskIds; init => _referenceTaskIds = value ?? []; }
}
