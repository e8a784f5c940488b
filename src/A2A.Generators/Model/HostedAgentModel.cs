namespace A2A.Generators.Model;

/// <summary>
/// What the hosting helpers (<c>Add{Stem}()</c>, <c>Map{Stem}()</c>) need about an agent: the same for an agent
/// declared in this project and for a contract interface declared in a referenced assembly.
/// </summary>
/// <param name="Namespace">The namespace of the agent and its generated types, or empty.</param>
/// <param name="BaseName">Stem of the generated type names (see <see cref="AgentModel.BaseName"/>).</param>
/// <param name="AgentName">The card name, for doc comments.</param>
/// <param name="IsPublic">Whether the helpers are public (false: internal).</param>
/// <param name="DefaultHandler">The fully qualified handler class registered by <c>Add{Stem}()</c>, or null for a contract.</param>
internal sealed record HostedAgentModel(string Namespace, string BaseName, string AgentName, bool IsPublic, string? DefaultHandler)
{
    /// <summary>The hint name of a referenced contract's hosting helpers, beside the contract's own generated file name.</summary>
    public string ContractHostingHintName => AgentModel.HintNameFor(Namespace, BaseName + ".Hosting");

    /// <summary>The stem of the hosting names (see <see cref="Parse.AgentNaming.Stem"/>).</summary>
    public string Stem => Parse.AgentNaming.Stem(BaseName);
}
