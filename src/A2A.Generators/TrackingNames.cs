namespace A2A.Generators;

/// <summary>Names of the pipeline steps, for incremental-cache tests (WithTrackingName).</summary>
public static class TrackingNames
{
    /// <summary>Attribute lookup plus parse: null for input the generator skips.</summary>
    public const string ParsedAgents = "ParsedAgents";

    /// <summary>The models of agents that will be emitted.</summary>
    public const string Agents = "Agents";

    /// <summary>Which hosting libraries (dependency injection, A2A.AspNetCore) are referenced.</summary>
    public const string Hosting = "Hosting";

    /// <summary>Hint names shared by more than one agent (their agents are skipped).</summary>
    public const string ClashingNames = "ClashingNames";

    /// <summary>Contract interfaces of referenced assemblies that this (server) project hosts.</summary>
    public const string ReferencedContracts = "ReferencedContracts";

    /// <summary>Each agent paired with the compilation-wide options.</summary>
    public const string AgentsWithOptions = "AgentsWithOptions";
}
