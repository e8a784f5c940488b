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

    /// <summary>
    /// A new user message (a fresh <see cref="MessageId"/>, role user) holding <paramref name="text"/>: the first turn of a
    /// conversation, or of a new task in <paramref name="contextId"/>. To answer a task, use <see cref="AgentTask.Reply(string)"/>.
    /// </summary>
    public static Message FromUser(string text, string? contextId = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FromUser([Part.FromText(text)], contextId);
    }

    /// <summary>A new user message (a fresh <see cref="MessageId"/>, role user) holding <paramref name="parts"/>.</summary>
    public static Message FromUser(IEnumerable<Part> parts, string? contextId = null)
    {
        ArgumentNullException.ThrowIfNull(parts);
        Part[] content = parts.ToArray();
        if (content.Length == 0)
        {
            throw new ArgumentException("A message needs at least one part.", nameof(parts));
        }

        return new Message { MessageId = Guid.NewGuid().ToString(), Role = Role.User, Parts = content, ContextId = string.IsNullOrEmpty(contextId) ? null : contextId };
    }

    /// <summary>The text of the message's text parts, joined in order (empty when it has none).</summary>
    public string GetText() => Parts.Count == 1 ? Parts[0].Text ?? "" : string.Concat(Parts.Select(static p => p.Text));
}
