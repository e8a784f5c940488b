using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using A2A.Generators.Parse;
using A2A.Lifecycle;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace A2A.Analyzers.Lifecycle;

/// <summary>
/// A2A1003: a call that moves a task to an optional state (input-required, auth-required, rejected) the agent did
/// not declare, through the untyped runtime API the generated API hands out: <c>RequireInputAsync</c>,
/// <c>RequireAuthAsync</c>, <c>RejectAsync</c> and <c>UpdateStatusAsync</c> with a constant state, on the
/// <c>{Name}TaskUpdater.Untyped</c> updater or the <c>{Name}TaskManager.Runtime</c> manager (and its
/// <c>CreateUpdater</c>), reached directly or through locals that hold them. The typed API has no method for such a
/// state; these paths bypass it, and the runtime would refuse the call.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UndeclaredStateAnalyzer : DiagnosticAnalyzer
{
    private const int MaxHops = 8;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticCatalog.UndeclaredState);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol? typedUpdater = start.Compilation.GetTypeByMetadataName(LifecycleVocabulary.AgentTaskUpdaterType);
            INamedTypeSymbol? typedManager = start.Compilation.GetTypeByMetadataName(LifecycleVocabulary.AgentTaskManagerType);
            INamedTypeSymbol? runtimeUpdater = start.Compilation.GetTypeByMetadataName(LifecycleVocabulary.TaskUpdaterType);
            INamedTypeSymbol? runtimeManager = start.Compilation.GetTypeByMetadataName(LifecycleVocabulary.TaskManagerType);
            INamedTypeSymbol? agentAttribute = start.Compilation.GetTypeByMetadataName(LifecycleVocabulary.AgentAttributeType);
            if (typedUpdater is null || typedManager is null || runtimeUpdater is null || runtimeManager is null || agentAttribute is null)
            {
                return;
            }

            var types = new UntypedApi(runtimeUpdater, runtimeManager, new GeneratedTypeAgents(typedUpdater, typedManager, agentAttribute));
            start.RegisterSemanticModelAction(model =>
            {
                foreach (InvocationExpressionSyntax invocation in LifecycleAnalysis.Invocations(model.SemanticModel.SyntaxTree, model.CancellationToken))
                {
                    Analyze(invocation, model.SemanticModel, types, model.ReportDiagnostic, model.CancellationToken);
                }
            });
        });
    }

    private static void Analyze(InvocationExpressionSyntax syntax, SemanticModel model, UntypedApi api, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
    {
        // Syntax gate first; the operation is built only for calls named like a move to an optional state.
        if (LifecycleAnalysis.InvokedName(syntax) is not { } name
            || (name != LifecycleVocabulary.UpdateStatusMethod && OptionalStateOf(name) is null)
            || model.GetOperation(syntax, cancellationToken) is not IInvocationOperation invocation
            || invocation.Instance is null
            || !(LifecycleAnalysis.DerivesFrom(invocation.TargetMethod.ContainingType, api.RuntimeUpdater)
                || LifecycleAnalysis.DerivesFrom(invocation.TargetMethod.ContainingType, api.RuntimeManager)))
        {
            return;
        }

        // Which state, and where to report it: the state argument of UpdateStatusAsync, else the call.
        int state;
        Location location;
        if (invocation.TargetMethod.Name == LifecycleVocabulary.UpdateStatusMethod)
        {
            if (invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "state") is not { Value.ConstantValue: { HasValue: true, Value: int value } } argument)
            {
                return; // computed states are left to the runtime check
            }

            state = value;
            location = argument.Syntax.GetLocation();
        }
        else if (OptionalStateOf(invocation.TargetMethod.Name) is int named)
        {
            state = named;
            location = syntax.GetLocation();
        }
        else
        {
            return;
        }

        if (LifecycleVocabulary.OptionalFlagOf(state) == LifecycleVocabulary.OptionalNone
            || AgentBehind(invocation.Instance, model, api, cancellationToken, MaxHops) is not { } agent
            || LifecycleVocabulary.Declares(agent.OptionalStates, state))
        {
            return;
        }

        report(Diagnostic.Create(DiagnosticCatalog.UndeclaredState, location,
            LifecycleVocabulary.WireNames[state], agent.BaseName, LifecycleVocabulary.StateNames[state]));
    }

    /// <summary>The optional state a runtime method moves to, named after its trigger (RejectAsync → Rejected).</summary>
    private static int? OptionalStateOf(string method)
    {
        if (!method.EndsWith("Async", System.StringComparison.Ordinal))
        {
            return null;
        }

        int trigger = System.Array.IndexOf(LifecycleVocabulary.TriggerNames, method.Substring(0, method.Length - "Async".Length));
        int state = trigger < 0 ? -1 : LifecycleVocabulary.TriggerTargets[trigger];
        return state >= 0 && LifecycleVocabulary.OptionalFlagOf(state) != LifecycleVocabulary.OptionalNone ? state : null;
    }

    /// <summary>
    /// The agent whose generated API handed out the untyped updater or manager <paramref name="operation"/> evaluates
    /// to: <c>typed.Untyped</c>, <c>typedManager.Runtime</c>, <c>typedManager.Runtime.CreateUpdater(...)</c>, or a
    /// local initialized with one of those and never assigned again. Null when it cannot be followed.
    /// </summary>
    private static (string BaseName, int OptionalStates)? AgentBehind(IOperation? operation, SemanticModel model, UntypedApi api, System.Threading.CancellationToken cancellationToken, int hops)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        if (hops == 0)
        {
            return null;
        }

        switch (operation)
        {
            case IPropertyReferenceOperation { Property.Name: "Untyped" or "Runtime", Instance.Type: INamedTypeSymbol owner }:
                return api.Agents.Find(owner);
            case IInvocationOperation { TargetMethod.Name: "CreateUpdater", Instance: { } manager } creates
                when LifecycleAnalysis.DerivesFrom(creates.TargetMethod.ContainingType, api.RuntimeManager):
                return AgentBehind(manager, model, api, cancellationToken, hops - 1);
            case ILocalReferenceOperation local when LifecycleAnalysis.SingleInitializer(local.Local, model, cancellationToken) is { } initializer:
                return AgentBehind(model.GetOperation(initializer, cancellationToken), model, api, cancellationToken, hops - 1);
            default:
                return null;
        }
    }

    private sealed record UntypedApi(INamedTypeSymbol RuntimeUpdater, INamedTypeSymbol RuntimeManager, GeneratedTypeAgents Agents);

    /// <summary>
    /// Which [A2AAgent] a generated updater or manager belongs to, found forward: the agents declared in the
    /// generated type's namespace are named the way the generator names them, and the one whose generated name
    /// matches is parsed with the generator's own parser. Cached per compilation.
    /// </summary>
    private sealed class GeneratedTypeAgents(INamedTypeSymbol typedUpdater, INamedTypeSymbol typedManager, INamedTypeSymbol agentAttribute)
    {
        private readonly ConcurrentDictionary<INamedTypeSymbol, (string BaseName, int OptionalStates)?> _cache = new(SymbolEqualityComparer.Default);

        public (string BaseName, int OptionalStates)? Find(INamedTypeSymbol generated) => _cache.GetOrAdd(generated, Lookup);

        private (string BaseName, int OptionalStates)? Lookup(INamedTypeSymbol generated)
        {
            System.Func<string, string>? nameOf = LifecycleAnalysis.DerivesFrom(generated, typedUpdater) ? AgentNaming.TaskUpdaterName
                : LifecycleAnalysis.DerivesFrom(generated, typedManager) ? AgentNaming.TaskManagerName
                : null;
            if (nameOf is null)
            {
                return null;
            }

            foreach (INamedTypeSymbol type in AllTypes(generated.ContainingNamespace))
            {
                if (type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, agentAttribute)) is { } attribute
                    && nameOf(AgentNaming.BaseName(type)) == generated.Name
                    && AgentParser.ParseDeclaration(type, attribute, problems: null) is { } declaration)
                {
                    return (AgentNaming.BaseName(type), declaration.OptionalStates);
                }
            }

            return null;
        }

        private static System.Collections.Generic.IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns)
        {
            var pending = new System.Collections.Generic.Stack<INamedTypeSymbol>(ns.GetTypeMembers());
            while (pending.Count > 0)
            {
                INamedTypeSymbol type = pending.Pop();
                yield return type;
                foreach (INamedTypeSymbol nested in type.GetTypeMembers())
                {
                    pending.Push(nested);
                }
            }
        }
    }
}
