namespace A2A.Protocol;

/// <summary>
/// Self-describing manifest of an agent: identity, how to reach it, its capabilities and skills. Served at
/// <c>/.well-known/agent-card.json</c>.
/// </summary>
public sealed record AgentCard
{
    private IReadOnlyList<AgentInterface> _supportedInterfaces = [];
    private IReadOnlyList<SecurityRequirement> _securityRequirements = [];
    private IReadOnlyList<string> _defaultInputModes = [];
    private IReadOnlyList<string> _defaultOutputModes = [];
    private IReadOnlyList<AgentSkill> _skills = [];
    private IReadOnlyList<AgentCardSignature> _signatures = [];

    /// <summary>Human-readable name of the agent. Required.</summary>
    public string Name { get; init; } = "";

    /// <summary>What the agent does. Required.</summary>
    public string Description { get; init; } = "";

    /// <summary>Endpoints and bindings the agent serves, the preferred one first. Required.</summary>
    public IReadOnlyList<AgentInterface> SupportedInterfaces { get => _supportedInterfaces; init => _supportedInterfaces = value ?? []; }

    /// <summary>Who provides the agent.</summary>
    public AgentProvider? Provider { get; init; }

    /// <summary>Version of the agent. Required.</summary>
    public string Version { get; init; } = "";

    /// <summary>Optional documentation URL.</summary>
    public string? DocumentationUrl { get; init; }

    /// <summary>Optional protocol features the agent supports. Required.</summary>
    public AgentCapabilities Capabilities { get; init; } = new();

    /// <summary>Security schemes by name.</summary>
    public IReadOnlyDictionary<string, SecurityScheme>? SecuritySchemes { get; init; }

    /// <summary>Security requirements for contacting the agent.</summary>
    public IReadOnlyList<SecurityRequirement> SecurityRequirements { get => _securityRequirements; init => _securityRequirements = value ?? []; }

    /// <summary>Media types the agent accepts by default. Required.</summary>
    public IReadOnlyList<string> DefaultInputModes { get => _defaultInputModes; init => _defaultInputModes = value ?? []; }

    /// <summary>Media types the agent produces by default. Required.</summary>
    public IReadOnlyList<string> DefaultOutputModes { get => _defaultOutputModes; init => _defaultOutputModes = value ?? []; }

    /// <summary>What the agent can do. Required.</summary>
    public IReadOnlyList<AgentSkill> Skills { get => _skills; init => _skills = value ?? []; }

    /// <summary>JWS signatures of the card.</summary>
    public IReadOnlyList<AgentCardSignature> Signatures { get => _signatures; init => _signatures = value ?? []; }

    /// <summary>Optional icon URL.</summary>
    public string? IconUrl { get; init; }
}
