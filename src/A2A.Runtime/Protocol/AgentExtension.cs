using System.Text.Json;

namespace A2A.Protocol;

/// <summary>A protocol extension an agent supports.</summary>
public sealed record AgentExtension
{
    /// <summary>URI that identifies the extension.</summary>
    public string? Uri { get; init; }

    /// <summary>How the agent uses the extension.</summary>
    public string? Description { get; init; }

    /// <summary>Whether the client must understand the extension.</summary>
    public bool Required { get; init; }

    /// <summary>Extension-specific parameters.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Params { get; init; }
}
