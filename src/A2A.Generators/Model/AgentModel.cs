using System.Linq;

namespace A2A.Generators.Model;

/// <summary>
/// Everything the emitter needs about one agent, as plain equatable values: no symbols, syntax nodes, locations
/// or compilations survive the parse step, so an edit that does not change this model regenerates nothing.
/// </summary>
/// <param name="Namespace">The agent's namespace, or empty for the global namespace.</param>
/// <param name="TypeName">The annotated type's own name as C# source writes it (@-escaped when a keyword), for the partial declaration.</param>
/// <param name="TypeKeyword">How the annotated type is declared: class, record or interface.</param>
/// <param name="ContainingTypes">Enclosing types, outermost first (all partial, or the model is not produced).</param>
/// <param name="BaseName">Stem of every generated type name: the containing type names and the type name, with an interface's leading I dropped.</param>
/// <param name="IsInterface">True for a contract interface: no handler is attached to the type itself.</param>
/// <param name="IsPublic">True when the annotated type is public all the way out; generated types match.</param>
/// <param name="HasExecuteMethod">True when the class declares ExecuteAsync({BaseName}Context, CancellationToken) and the handler interface can be attached (the class and its containers are partial).</param>
/// <param name="IsPartial">True for an interface, or a class that is partial along with every type containing it.</param>
/// <param name="AgentName">The card name.</param>
/// <param name="Description">The card description.</param>
/// <param name="Version">The card version.</param>
/// <param name="OptionalStates">The OptionalTaskStates flags as their integer value.</param>
/// <param name="JsonContext">Fully qualified JsonSerializerContext type, or null for reflection-based JSON.</param>
/// <param name="PushNotifications">Whether the card declares push notifications.</param>
/// <param name="Skills">Declared skills.</param>
/// <param name="Artifacts">Declared typed artifacts.</param>
internal sealed record AgentModel(
    string Namespace,
    string TypeName,
    string TypeKeyword,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string BaseName,
    bool IsInterface,
    bool IsPublic,
    bool HasExecuteMethod,
    bool IsPartial,
    string AgentName,
    string? Description,
    string Version,
    int OptionalStates,
    string? JsonContext,
    bool PushNotifications,
    EquatableArray<SkillModel> Skills,
    EquatableArray<ArtifactModel> Artifacts)
{
    /// <summary>The annotated type's full name as source writes it (namespace, containing types, name): unique per agent.</summary>
    public string Identity => (Namespace.Length == 0 ? "" : Namespace + ".") + string.Concat(ContainingTypes.Select(c => c.Name + ".")) + TypeName;

    /// <summary>The generated file's hint name; of agents that would share one only the first is generated (A2A0005).</summary>
    public string HintName => HintNameFor(Namespace, BaseName);

    /// <summary>The hint name for an agent in <paramref name="ns"/> (as source writes it) with <paramref name="baseName"/>.</summary>
    public static string HintNameFor(string ns, string baseName) =>
        (ns.Length == 0 ? "" : ns.Replace("@", "") + ".") + baseName + ".A2A.g.cs"; // '@' is not allowed in hint names
}

/// <summary>An enclosing type of a nested agent.</summary>
/// <param name="Keyword">class, struct, record, record struct or interface.</param>
/// <param name="Name">The type's name.</param>
internal sealed record ContainingTypeModel(string Keyword, string Name);

/// <summary>A declared skill.</summary>
internal sealed record SkillModel(string Id, string Name, string? Description, EquatableArray<string> Tags, EquatableArray<string> Examples);

/// <summary>A declared typed artifact.</summary>
/// <param name="TypeName">Fully qualified type, with global::.</param>
/// <param name="ShortTypeName">The type's simple name, for messages.</param>
/// <param name="WireName">Artifact.name on the wire.</param>
/// <param name="MethodStem">Identifier used in Add{Stem}Async / Get{Stem}.</param>
internal sealed record ArtifactModel(string TypeName, string ShortTypeName, string WireName, string MethodStem);
