namespace A2A.Protocol;

/// <summary>A distinct capability an agent offers.</summary>
public sealed record AgentSkill
{
    private IReadOnlyList<string> _tags = [];
    private IReadOnlyList<string> _examples = [];
    private IReadOnlyList<string> _inputModes = [];
    private IReadOnlyList<string> _outputModes = [];
    private IReadOnlyList<SecurityRequirement> _securityRequirements = [];

    /// <summary>Unique id of the skill within the agent. Required.</summary>
    public string Id { get; init; } = "";

    /// <summary>Human-readable name. Required.</summary>
    public string Name { get; init; } = "";

    /// <summary>What the skill does. Required.</summary>
    public string Description { get; init; } = "";

    /// <summary>Keywords. Required.</summary>
    public IReadOnlyList<string> Tags { get => _tags; init => _tags = value ?? []; }

    /// <summary>Example prompts.</summary>
    public IReadOnlyList<string> Examples { get => _examples; init => _examples = value ?? []; }

    /// <summary>Media types accepted, overriding the card's defaults.</summary>
    public IReadOnlyList<string> InputModes { get => _inputModes; init => _inputModes = value ?? []; }

    /// <summary>Media types produced, overriding the card's defaults.</summary>
    public IReadOnlyList<string> OutputModes { get => _outputModes; init => _outputModes = value ?? []; }

    /// <summary>Security requirements specific to this skill.</summary>
    public IReadOnlyList<SecurityRequirement> SecurityRequirements { get => _securityRequirements; init => _securityRequirements = value ?? []; }
}
