using System.Linq;
using Microsoft.CodeAnalysis;

namespace A2A.Generators.Parse;

/// <summary>
/// How generated names derive from an agent type. Shared as source by the generator and the analyzers (linked into
/// A2A.Analyzers), so both always agree on what <c>{Name}Context</c> is called.
/// </summary>
internal static class AgentNaming
{
    /// <summary>Containing type names plus the type name, with an interface's leading I dropped.</summary>
    public static string BaseName(INamedTypeSymbol type)
    {
        string own = type.TypeKind == TypeKind.Interface && type.Name.Length > 1 && type.Name[0] == 'I' && char.IsUpper(type.Name[1])
            ? type.Name.Substring(1)
            : type.Name;
        string outer = "";
        for (INamedTypeSymbol? container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            outer = container.Name + outer;
        }

        return outer + own;
    }

    /// <summary>
    /// The stem of the hosting and card names: "TripPlanner" → "TripPlannerAgent", "TripPlannerAgent" stays (no
    /// AddTripPlannerAgentAgent). Also the agent's options name.
    /// </summary>
    public static string Stem(string baseName) => baseName.EndsWith("Agent", System.StringComparison.Ordinal) ? baseName : baseName + "Agent";

    /// <summary>The generated context type's name, from <see cref="BaseName"/>'s result.</summary>
    public static string ContextName(string baseName) => baseName + "Context";

    /// <summary>The generated task updater's name, from <see cref="BaseName"/>'s result.</summary>
    public static string TaskUpdaterName(string baseName) => baseName + "TaskUpdater";

    /// <summary>The generated task manager's name, from <see cref="BaseName"/>'s result.</summary>
    public static string TaskManagerName(string baseName) => baseName + "TaskManager";

    /// <summary>The generated client task manager's name, from <see cref="BaseName"/>'s result.</summary>
    public static string ClientTaskManagerName(string baseName) => baseName + "ClientTaskManager";

    /// <summary>The generated lifecycle class's name, from <see cref="BaseName"/>'s result.</summary>
    public static string LifecycleName(string baseName) => baseName + "Lifecycle";

    /// <summary>The generated handler interface's name, from <see cref="BaseName"/>'s result.</summary>
    public static string HandlerName(string baseName) => "I" + baseName + "Handler";
}
