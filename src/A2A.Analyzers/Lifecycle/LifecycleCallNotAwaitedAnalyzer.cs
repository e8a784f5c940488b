using System.Collections.Immutable;
using System.Linq;
using A2A.Lifecycle;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace A2A.Analyzers.Lifecycle;

/// <summary>
/// A2A1005: a call on a task updater or task manager whose returned task is dropped: used as a statement or
/// assigned to a discard, with or without <c>.ConfigureAwait(...)</c>. Such calls race the next update (fire-and-forget reorders status changes) and their
/// errors, including the runtime's lifecycle refusals, are never observed. Storing or returning the task is fine:
/// the caller then decides when to await it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LifecycleCallNotAwaitedAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] LifecycleTypes =
    [
        LifecycleVocabulary.TaskUpdaterType, LifecycleVocabulary.TaskManagerType, LifecycleVocabulary.AgentTaskUpdaterType, LifecycleVocabulary.AgentTaskManagerType,
    ];

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticCatalog.LifecycleCallNotAwaited);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol[] owners = LifecycleTypes.Select(start.Compilation.GetTypeByMetadataName).Where(t => t is not null).ToArray()!;
            INamedTypeSymbol? task = start.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
            if (owners.Length == 0 || task is null)
            {
                return;
            }

            start.RegisterSemanticModelAction(model =>
            {
                foreach (InvocationExpressionSyntax invocation in LifecycleAnalysis.Invocations(model.SemanticModel.SyntaxTree, model.CancellationToken))
                {
                    Analyze(invocation, model.SemanticModel, owners, task, model.ReportDiagnostic, model.CancellationToken);
                }
            });
        });
    }

    private static void Analyze(InvocationExpressionSyntax invocation, SemanticModel model, INamedTypeSymbol[] owners, INamedTypeSymbol task, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
    {
        // Syntax first: only a dropped call to some ...Async method is worth a symbol lookup.
        if (LifecycleAnalysis.InvokedName(invocation) is not { } name
            || !name.EndsWith("Async", System.StringComparison.Ordinal)
            || !IsDropped(invocation, model, cancellationToken)
            || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
            || !ReturnsTask(method.ReturnType, task)
            || !IsLifecycleMember(method, owners))
        {
            return;
        }

        report(Diagnostic.Create(DiagnosticCatalog.LifecycleCallNotAwaited, invocation.GetLocation(), method.Name));
    }

    // The value goes nowhere: a bare statement, or `_ = ...` (a discard, not a variable named _). `.ConfigureAwait(...)`
    // only wraps the task, so a call is dropped when its configured awaitable is.
    private static bool IsDropped(InvocationExpressionSyntax invocation, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        SyntaxNode? parent = invocation.Parent;
        while (parent is ParenthesizedExpressionSyntax)
        {
            parent = parent.Parent;
        }

        if (parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Parent: InvocationExpressionSyntax configured })
        {
            return IsDropped(configured, model, cancellationToken);
        }

        return parent is ExpressionStatementSyntax
            || (parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: IdentifierNameSyntax { Identifier.ValueText: "_" }, Parent: ExpressionStatementSyntax } assignment
                && model.GetOperation(assignment, cancellationToken) is ISimpleAssignmentOperation { Target: IDiscardOperation });
    }

    // Task or Task<T>; declared on one of the runtime's lifecycle types, or on a generated subclass of them.
    private static bool ReturnsTask(ITypeSymbol returnType, INamedTypeSymbol task) => LifecycleAnalysis.DerivesFrom(returnType, task);

    private static bool IsLifecycleMember(IMethodSymbol method, INamedTypeSymbol[] owners) =>
        owners.Any(owner => LifecycleAnalysis.DerivesFrom(method.ContainingType, owner));
}
