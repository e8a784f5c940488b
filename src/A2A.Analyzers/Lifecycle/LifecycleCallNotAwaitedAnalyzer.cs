using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace A2A.Analyzers.Lifecycle;

/// <summary>
/// A2A1005: a call on a task updater or task manager whose returned task is dropped: used as a statement or
/// assigned to a discard. Such calls race the next update (fire-and-forget reorders status changes) and their
/// errors, including the runtime's lifecycle refusals, are never observed. Storing or returning the task is fine:
/// the caller then decides when to await it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LifecycleCallNotAwaitedAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] LifecycleTypes =
    [
        "A2A.Tasks.TaskUpdater", "A2A.Tasks.TaskManager", "A2A.Agents.AgentTaskUpdater", "A2A.Agents.AgentTaskManager",
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

            start.RegisterOperationAction(operation => Analyze(operation, owners, task), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol[] owners, INamedTypeSymbol task)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!IsDropped(invocation) || !ReturnsTask(invocation.TargetMethod.ReturnType, task) || !IsLifecycleMember(invocation.TargetMethod, owners))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.LifecycleCallNotAwaited, invocation.Syntax.GetLocation(), invocation.TargetMethod.Name));
    }

    // The value goes nowhere: a bare statement, or `_ = ...`.
    private static bool IsDropped(IInvocationOperation invocation)
    {
        IOperation? parent = invocation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IExpressionStatementOperation
            || (parent is ISimpleAssignmentOperation { Target: IDiscardOperation } && parent.Parent is IExpressionStatementOperation);
    }

    // Task or Task<T>; declared on one of the runtime's lifecycle types, or on a generated subclass of them.
    private static bool ReturnsTask(ITypeSymbol returnType, INamedTypeSymbol task) => LifecycleVocabulary.DerivesFrom(returnType, task);

    private static bool IsLifecycleMember(IMethodSymbol method, INamedTypeSymbol[] owners) =>
        owners.Any(owner => LifecycleVocabulary.DerivesFrom(method.ContainingType, owner));
}
