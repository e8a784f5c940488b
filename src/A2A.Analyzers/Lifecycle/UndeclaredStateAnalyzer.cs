using System.Collections.Immutable;
using System.Linq;
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
            INamedTypeSymbol? typedUpdater = start.Compilation.GetTypeByMetadataName("A2A.Agents.AgentTaskUpdater");
            INamedTypeSymbol? typedManager = start.Compilation.GetTypeByMetadataName("A2A.Agents.AgentTaskManager");
            if (typedUpdater is null || typedManager is null)
            {
                return;
            }

            start.RegisterSemanticModelAction(model =>
            {
                foreach (InvocationExpressionSyntax invocation in LifecycleVocabulary.Invocations(model.SemanticModel.SyntaxTree, model.CancellationToken))
                {
                    Analyze(invocation, model.SemanticModel, typedUpdater, typedManager, model.ReportDiagnostic, model.CancellationToken);
                }
            });
        });
    }

    private static void Analyze(InvocationExpressionSyntax syntax, SemanticModel model, INamedTypeSymbol typedUpdater, INamedTypeSymbol typedManager, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
    {
        // Syntax gate first; the operation is built only for UpdateStatusAsync calls.
        if (LifecycleVocabulary.InvokedName(syntax) != "UpdateStatusAsync"
            || model.GetOperation(syntax, cancellationToken) is not IInvocationOperation invocation
            || invocation.TargetMethod.Name != "UpdateStatusAsync"
            || invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "state") is not { } state
            || state.Value.ConstantValue is not { HasValue: true, Value: int value }
            || Flag(value) is not { } flag)
        {
            return;
        }

        // Only the generated API's escape hatches name the agent: typedUpdater.Untyped or typedManager.Runtime.
        IOperation? instance = invocation.Instance;
        while (instance is IConversionOperation conversion)
        {
            instance = conversion.Operand;
        }

        if (instance is not IPropertyReferenceOperation { Property.Name: "Untyped" or "Runtime", Instance.Type: INamedTypeSymbol owner })
        {
            return;
        }

        string? agentBase = LifecycleVocabulary.DerivesFrom(owner, typedUpdater) ? Strip(owner.Name, "TaskUpdater")
            : LifecycleVocabulary.DerivesFrom(owner, typedManager) ? Strip(owner.Name, "TaskManager")
            : null;
        INamedTypeSymbol? lifecycle = agentBase is null ? null : owner.ContainingNamespace.GetTypeMembers(agentBase + "Lifecycle").FirstOrDefault();
        if (lifecycle?.GetMembers("OptionalStates").OfType<IFieldSymbol>().FirstOrDefault() is not { HasConstantValue: true, ConstantValue: int declared })
        {
            return;
        }

        if ((declared & flag.Bit) == 0)
        {
            report(Diagnostic.Create(DiagnosticCatalog.UndeclaredState, state.Syntax.GetLocation(), flag.WireName, agentBase, flag.Name));
        }
    }

    private static (int Bit, string Name, string WireName)? Flag(int state) => state switch
    {
        6 => (1, "InputRequired", "TASK_STATE_INPUT_REQUIRED"),
        8 => (2, "AuthRequired", "TASK_STATE_AUTH_REQUIRED"),
        7 => (4, "Rejected", "TASK_STATE_REJECTED"),
        _ => null,
    };

    private static string? Strip(string name, string suffix) =>
        name.Length > suffix.Length && name.EndsWith(suffix, System.StringComparison.Ordinal) ? name.Substring(0, name.Length - suffix.Length) : null;

}
