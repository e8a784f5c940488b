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
/// A2A1005: a call on a task updater, task manager or handler context whose returned task is dropped where the compiler says nothing:
/// assigned to a discard, used as a statement outside an async method, or the body of an expression lambda whose
/// delegate returns void (with or without <c>.ConfigureAwait(...)</c>). A bare statement in an async method is the
/// compiler's CS4014. Such calls race the next update (fire-and-forget reorders status changes) and their errors,
/// including the runtime's lifecycle refusals, are never observed. Storing or returning the task is fine: the caller
/// then decides when to await it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LifecycleCallNotAwaitedAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] LifecycleTypes =
    [
        LifecycleVocabulary.TaskUpdaterType, LifecycleVocabulary.TaskManagerType, LifecycleVocabulary.AgentTaskUpdaterType, LifecycleVocabulary.AgentTaskManagerType,
        LifecycleVocabulary.AgentContextType,
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

    // The task goes nowhere, and the compiler does not already say so. Dropped: a discard (`_ = ...`, not a variable
    // named _), a bare statement, or the body of an expression lambda whose delegate returns void
    // (`items.ForEach(p => updater.AddTextArtifactAsync(p))`). A bare statement inside an async method or lambda is
    // left to the compiler's CS4014, which reports exactly that, so the same call is not reported twice.
    // `.ConfigureAwait(...)` only wraps the task, so a call is dropped when its configured awaitable is.
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

        return parent switch
        {
            ExpressionStatementSyntax statement => !InAsyncFunction(statement),
            AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: IdentifierNameSyntax { Identifier.ValueText: "_" }, Parent: ExpressionStatementSyntax } assignment =>
                model.GetOperation(assignment, cancellationToken) is ISimpleAssignmentOperation { Target: IDiscardOperation },
            LambdaExpressionSyntax { AsyncKeyword.RawKind: 0 } lambda when lambda.ExpressionBody is not null =>
                model.GetTypeInfo(lambda, cancellationToken).ConvertedType is INamedTypeSymbol { DelegateInvokeMethod.ReturnsVoid: true },
            _ => false,
        };
    }

    private static bool InAsyncFunction(SyntaxNode node) =>
        node.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax) switch
        {
            MethodDeclarationSyntax method => method.Modifiers.Any(SyntaxKind.AsyncKeyword),
            LocalFunctionStatementSyntax local => local.Modifiers.Any(SyntaxKind.AsyncKeyword),
            AnonymousFunctionExpressionSyntax lambda => lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
            null when node.FirstAncestorOrSelf<GlobalStatementSyntax>() is not null => TopLevelProgramAwaits(node.SyntaxTree),
            _ => false,
        };

    // Top-level statements form an async Main when they await outside any nested function.
    private static bool TopLevelProgramAwaits(SyntaxTree tree) =>
        tree.GetRoot().DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or TypeDeclarationSyntax))
            .Any(n => n is AwaitExpressionSyntax || (n is ForEachStatementSyntax forEach && forEach.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword)) || (n is UsingStatementSyntax use && use.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword)) || (n is LocalDeclarationStatementSyntax decl && decl.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword)));

    // Task or Task<T>; declared on one of the runtime's lifecycle types, or on a generated subclass of them.
    private static bool ReturnsTask(ITypeSymbol returnType, INamedTypeSymbol task) => LifecycleAnalysis.DerivesFrom(returnType, task);

    private static bool IsLifecycleMember(IMethodSymbol method, INamedTypeSymbol[] owners) =>
        owners.Any(owner => LifecycleAnalysis.DerivesFrom(method.ContainingType, owner));
}
