using Microsoft.CodeAnalysis;

namespace A2A.Analyzers;

/// <summary>
/// Every diagnostic the toolkit reports, in one place. Ids: A2A0xxx declarations (generator input), A2A1xxx lifecycle
/// rules, A2A9xxx configuration. Each has a page at docs/diagnostics/&lt;ID&gt;.md (the help link).
/// </summary>
public static class DiagnosticCatalog
{
    /// <summary>Base of every help link: the docs/diagnostics folder of the project's repository.</summary>
    public const string HelpLinkBase = HelpLinks.Base;

    /// <summary>A2A0002 property: the name of the agent's generated context type (for the generate-method fix).</summary>
    public const string ContextTypeProperty = "ContextType";

    /// <summary>A2A0002 property: <c>Missing</c>, <c>Ambiguous</c> or <c>Shape</c>.</summary>
    public const string ExecuteProblemProperty = "ExecuteProblem";

    /// <summary>A2A1004 property: "true" when some path already reaches the handler's end with the task finished.</summary>
    public const string SomePathFinishedProperty = "SomePathFinished";

    private const string Declaration = "A2A.Declaration";

    /// <summary>A2A0001: an [A2AAgent] class (or a type that contains it) is not partial.</summary>
    public static readonly DiagnosticDescriptor AgentMustBePartial = Create(
        "A2A0001", "Agent class must be partial",
        "'{0}' is not partial, but {1}; add the partial modifier",
        Declaration, DiagnosticSeverity.Error);

    /// <summary>A2A0002: an [A2AAgent] class has no usable ExecuteAsync(context, token) method.</summary>
    public static readonly DiagnosticDescriptor ExecuteMethod = Create(
        "A2A0002", "Agent class needs one ExecuteAsync method",
        "'{0}' {1}; declare 'public Task ExecuteAsync({2} context, CancellationToken cancellationToken)' so the agent can be served",
        Declaration, DiagnosticSeverity.Warning);

    /// <summary>A2A0003: two agents in one compilation share a name.</summary>
    public static readonly DiagnosticDescriptor DuplicateAgentName = Create(
        "A2A0003", "Agent names must be unique",
        "Agent name '{0}' is also used by '{1}'; agent cards must be distinguishable, give each agent its own name",
        Declaration, DiagnosticSeverity.Error, WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>A2A0004: an agent declaration the generator cannot serve (empty name, bad artifact, bad JsonContext, clashing names).</summary>
    public static readonly DiagnosticDescriptor InvalidAgentDeclaration = Create(
        "A2A0004", "Agent declaration is invalid",
        "'{0}': {1}; the generated API leaves this out until it is fixed",
        Declaration, DiagnosticSeverity.Error);

    /// <summary>A2A0005: two agents would generate types with the same names (and the same generated file).</summary>
    public static readonly DiagnosticDescriptor GeneratedNamesClash = Create(
        "A2A0005", "Agents' generated names must not clash",
        "'{0}' would generate types named like those of '{1}' ({2}Context, {2}TaskManager, ...); only one of them gets its types, so rename one or move it to another namespace",
        Declaration, DiagnosticSeverity.Error, WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>A2A1001: a change to a task after it has definitely reached a terminal state on every path.</summary>
    public static readonly DiagnosticDescriptor UpdateAfterTerminal = Create(
        "A2A1001", "Task updated after it reached a terminal state",
        "'{0}' changes a task that is already in a terminal state on every path to this call; terminal tasks never change, so the runtime will refuse it",
        "A2A.Lifecycle", DiagnosticSeverity.Warning);

    /// <summary>A2A1002: a change to a task that is terminal on some paths to the call (off by default).</summary>
    public static readonly DiagnosticDescriptor UpdateAfterMaybeTerminal = new(
        "A2A1002", "Task may be updated after it reached a terminal state",
        "'{0}' changes a task that is terminal on some paths to this call; the runtime will refuse it on those paths",
        "A2A.Lifecycle", DiagnosticSeverity.Warning, isEnabledByDefault: false, helpLinkUri: HelpLinkBase + "A2A1002.md");

    /// <summary>A2A1003: a constant state the agent did not declare, reached through an untyped path.</summary>
    public static readonly DiagnosticDescriptor UndeclaredState = Create(
        "A2A1003", "State not declared by the agent",
        "'{0}' is not declared by agent '{1}', so the runtime will refuse this transition; add OptionalTaskStates.{2} to its [A2AAgent] or use a declared state",
        "A2A.Lifecycle", DiagnosticSeverity.Warning);

    /// <summary>A2A1004: a handler path that returns with the task still submitted or working.</summary>
    public static readonly DiagnosticDescriptor HandlerReturnsActive = Create(
        "A2A1004", "Handler can return with the task still active",
        "'{0}' can return without finishing the task (complete, fail, reject, cancel), asking for input or authentication, or replying with a message; the runtime then fails the task for you",
        "A2A.Lifecycle", DiagnosticSeverity.Warning);

    /// <summary>A2A1005: a lifecycle call whose task is neither awaited nor kept, so updates can reorder or fail unseen.</summary>
    public static readonly DiagnosticDescriptor LifecycleCallNotAwaited = Create(
        "A2A1005", "Await task lifecycle calls",
        "The task returned by '{0}' is not awaited; lifecycle updates can then land out of order and their errors go unobserved. Await it.",
        "A2A.Lifecycle", DiagnosticSeverity.Warning);

    /// <summary>All descriptors, for the docs and release-tracking tests.</summary>
    public static readonly DiagnosticDescriptor[] All = [AgentMustBePartial, ExecuteMethod, DuplicateAgentName, InvalidAgentDeclaration, GeneratedNamesClash, UpdateAfterTerminal, UpdateAfterMaybeTerminal, UndeclaredState, HandlerReturnsActive, LifecycleCallNotAwaited];

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, params string[] tags) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md", customTags: tags);
}
