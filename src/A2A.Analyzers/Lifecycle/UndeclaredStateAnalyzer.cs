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
/// A2A1003: <c>UpdateStatusAsync</c> with a constant optional state (input-required, auth-required, rejected) that
/// the agent did not declare, through the untyped escape hatches of the generated API
/// (<c>{Name}TaskUpdater.Untyped</c>, <c>{Name}TaskManager.Runtime</c>). The typed API has no method for such a state;
/// these paths bypass it, and the runtime would refuse the call.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UndeclaredStateAnalyzer : DiagnosticAnalyzer
{
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
            INamedTypeSymbol? agentAttribute = start.Compilation.GetTypeByMetadataName(LifecycleVocabulary.AgentAttributeType);
            if (typedUpdater is null || typedManager is null || agentAttribute is null)
            {
                return;
            }

            var agents = new GeneratedTypeAgents(typedUpdater, typedManager, agentAttribute);
            start.RegisterSemanticModelAction(model =>
            {
                foreach (InvocationExpressionSyntax invocation in LifecycleAnalysis.Invocations(model.SemanticModel.SyntaxTree, model.CancellationToken))
                {
                    Analyze(invocation, model.SemanticModel, agents, model.ReportDiagnostic, model.CancellationToken);
                }
            });
        });
    }

    private static void Analyze(InvocationExpressionSyntax syntax, SemanticModel model, GeneratedTypeAgents agents, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
    {
        // Syntax gate first; the operation is built only for UpdateStatusAsync calls.
        if (LifecycleAnalysis.InvokedName(syntax) != LifecycleVocabulary.UpdateStatusMethod
            || model.GetOperation(syntax, cancellationToken) is not IInvocationOperation invocation
            || invocation.TargetMethod.Name != LifecycleVocabulary.UpdateStatusMethod
            || invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "state") is not { } state
            || state.Value.ConstantValue is not { HasValue: true, Value: int value }
            || LifecycleVocabulary.OptionalFlagOf(value) == LifecycleVocabulary.OptionalNone)
        {
            return;
        }

        // Only the generated API's escape hatches name the agent: typedUpdater.Untyped or typedManager.Runtime.
        IOperation? instance = invocation.Instance;
        while (instance is IConversionOperation conversion)
        {
            instance = conversion.Operand;
        }

        if (instance is not IPropertyReferenceOperation { Property.Name: "Untyped" or "Runtime", Instance.Type: INamedTypeSymbol owner }
            || agents.Find(owner) is not { } agent
            || LifecycleVocabulary.Declares(agent.OptionalStates, value))
        {
            return;
        }

        report(Diagnostic.Create(DiagnosticCatalog.UndeclaredState, state.Syntax.GetLocation(),
            LifecycleVocabulary.WireNames[value], agent.BaseName, LifecycleVocabulary.StateNames[value]));
    }

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
                    && AgentParser.FindDeclarationProblem(type, attribute, out AgentParser.AgentDeclaration? declaration) is null)
                {
                    return (AgentNaming.BaseName(type), declaration!.OptionalStates);
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
