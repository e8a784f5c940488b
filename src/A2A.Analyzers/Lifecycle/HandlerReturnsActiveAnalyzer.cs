using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using A2A.Lifecycle;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace A2A.Analyzers.Lifecycle;

/// <summary>
/// A2A1004: an agent handler (<c>Task ExecuteAsync({Name}Context, ...)</c>) with a path that
/// returns normally without a terminal or interrupted transition or a direct reply. Paths that throw are fine (the
/// runtime fails the task). Handing the context or an updater to another method counts as finishing, because that method may well do
/// it: the rule stays quiet rather than guess.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HandlerReturnsActiveAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticCatalog.HandlerReturnsActive);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol? agentContext = start.Compilation.GetTypeByMetadataName(LifecycleVocabulary.AgentContextType);
            INamedTypeSymbol?[] handles =
            [
                agentContext,
                start.Compilation.GetTypeByMetadataName(LifecycleVocabulary.AgentTaskUpdaterType),
                start.Compilation.GetTypeByMetadataName(LifecycleVocabulary.TaskUpdaterType),
                start.Compilation.GetTypeByMetadataName(LifecycleVocabulary.AgentTaskManagerType),
                start.Compilation.GetTypeByMetadataName(LifecycleVocabulary.TaskManagerType),
            ];
            if (agentContext is null)
            {
                return;
            }

            start.RegisterSemanticModelAction(model =>
            {
                SyntaxNode root = model.SemanticModel.SyntaxTree.GetRoot(model.CancellationToken);
                foreach (MethodDeclarationSyntax declaration in root.DescendantNodes(n => n is not BaseMethodDeclarationSyntax).OfType<MethodDeclarationSyntax>())
                {
                    // The handler shape: Task ExecuteAsync({Name}Context context, ...). Other methods taking a context
                    // are helpers. Name from syntax, the rest from the symbol; only handlers get a graph.
                    if (declaration.Identifier.ValueText != "ExecuteAsync"
                        || model.SemanticModel.GetDeclaredSymbol(declaration, model.CancellationToken) is not IMethodSymbol { Parameters.Length: > 0 } method
                        || method.ReturnType.ToDisplayString() != "System.Threading.Tasks.Task"
                        || !LifecycleAnalysis.DerivesFrom(method.Parameters[0].Type, agentContext)
                        || LifecycleAnalysis.CreateGraph(declaration, model.SemanticModel, model.CancellationToken) is not { } graph)
                    {
                        continue;
                    }

                    if (CanReturnActive(graph, handles))
                    {
                        // The code fix appends a finishing call at the end; on a path that already finished, that
                        // would finish twice. Tell it whether any path reaches the end finished.
                        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
                            .Add(DiagnosticCatalog.SomePathFinishedProperty, CanReturnFinished(graph, handles) ? "true" : "false");
                        model.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.HandlerReturnsActive, declaration.Identifier.GetLocation(), properties, method.Name));
                    }
                }
            });
        });
    }

    private static bool CanReturnActive(ControlFlowGraph graph, INamedTypeSymbol?[] handles)
    {
        // Forward "may still be open" analysis: a block is open if any path to it has not finished the task.
        var finishes = new FinishCache(graph, handles);
        var open = new bool[graph.Blocks.Length];
        var visited = new bool[graph.Blocks.Length];
        var work = new Stack<(int Ordinal, bool Open)>();
        work.Push((0, true));
        while (work.Count > 0)
        {
            (int ordinal, bool incoming) = work.Pop();
            if (visited[ordinal] && (open[ordinal] || !incoming))
            {
                continue;
            }

            visited[ordinal] = true;
            open[ordinal] |= incoming;
            BasicBlock block = graph.Blocks[ordinal];
            bool stillOpen = open[ordinal] && !finishes.Block(block);

            // An exception anywhere in a try can enter its catch handlers while the task is still open.
            if (open[ordinal])
            {
                foreach (int handler in LifecycleAnalysis.HandlerEntries(block))
                {
                    work.Push((handler, true));
                }
            }

            foreach (ControlFlowBranch? branch in new[] { block.FallThroughSuccessor, block.ConditionalSuccessor })
            {
                if (branch?.Destination is { IsReachable: true } next && LifecycleAnalysis.IsFeasible(branch))
                {
                    // Finally blocks run on the way out of a try; they sit on no ordinary edge.
                    work.Push((next.Ordinal, stillOpen && !branch.FinallyRegions.Any(finishes.Region)));
                }
            }
        }

        BasicBlock exit = graph.Blocks[graph.Blocks.Length - 1];
        return exit.Kind == BasicBlockKind.Exit && visited[exit.Ordinal] && open[exit.Ordinal];
    }

    // Forward "may be finished" analysis, the dual of CanReturnActive: does any path reach the exit with the task
    // finished (or possibly finished, through a helper or lambda that may finish it)?
    private static bool CanReturnFinished(ControlFlowGraph graph, INamedTypeSymbol?[] handles)
    {
        var finishes = new FinishCache(graph, handles);
        var finished = new bool[graph.Blocks.Length];
        var visited = new bool[graph.Blocks.Length];
        var work = new Stack<(int Ordinal, bool Finished)>();
        work.Push((0, false));
        while (work.Count > 0)
        {
            (int ordinal, bool incoming) = work.Pop();
            if (visited[ordinal] && (finished[ordinal] || !incoming))
            {
                continue;
            }

            visited[ordinal] = true;
            finished[ordinal] |= incoming;
            BasicBlock block = graph.Blocks[ordinal];
            bool after = finished[ordinal] || finishes.Block(block);
            foreach (int handler in LifecycleAnalysis.HandlerEntries(block))
            {
                work.Push((handler, after));
            }

            foreach (ControlFlowBranch? branch in new[] { block.FallThroughSuccessor, block.ConditionalSuccessor })
            {
                if (branch?.Destination is { IsReachable: true } next && LifecycleAnalysis.IsFeasible(branch))
                {
                    work.Push((next.Ordinal, after || branch.FinallyRegions.Any(finishes.Region)));
                }
            }
        }

        BasicBlock exit = graph.Blocks[graph.Blocks.Length - 1];
        return exit.Kind == BasicBlockKind.Exit && finished[exit.Ordinal];
    }

    /// <summary>Which blocks, finally regions, lambdas and local functions finish the task (memoized per graph).</summary>
    private sealed class FinishCache(ControlFlowGraph graph, INamedTypeSymbol?[] handles)
    {
        private readonly Dictionary<ControlFlowGraph, bool> _functions = new();

        public bool Block(BasicBlock block) => Finishes(graph, block);

        public bool Region(ControlFlowRegion region) =>
            Enumerable.Range(region.FirstBlockOrdinal, region.LastBlockOrdinal - region.FirstBlockOrdinal + 1).Any(i => Finishes(graph, graph.Blocks[i]));

        private bool Finishes(ControlFlowGraph owner, BasicBlock block)
        {
            foreach (IOperation operation in LifecycleAnalysis.AllOperations(block))
            {
                switch (operation)
                {
                    case IInvocationOperation invocation when FinishesDirectly(invocation, handles):
                        return true;

                    // A local function or lambda that can finish the task may be the one that does: stay quiet rather than guess.
                    case IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction } local
                        when owner.GetLocalFunctionControlFlowGraphInScope(local.TargetMethod) is { } body && Function(body):
                        return true;
                    case IFlowAnonymousFunctionOperation lambda when Function(owner.GetAnonymousFunctionControlFlowGraphInScope(lambda)):
                        return true;
                }
            }

            return false;
        }

        private bool Function(ControlFlowGraph body)
        {
            if (!_functions.TryGetValue(body, out bool result))
            {
                _functions[body] = false; // recursion ends here
                result = body.Blocks.Any(b => Finishes(body, b));
                _functions[body] = result;
            }

            return result;
        }
    }

    private static bool FinishesDirectly(IInvocationOperation invocation, INamedTypeSymbol?[] handles)
    {
        IMethodSymbol method = invocation.TargetMethod;
        bool onHandle = invocation.Instance is { Type: { } receiver } && handles.Any(h => LifecycleAnalysis.DerivesFrom(receiver, h));
        // A direct reply answers the message instead of a task: the handler owes nothing more.
        if (onHandle && (LifecycleAnalysis.IsTerminalMethod(method.Name) || LifecycleAnalysis.IsInterruptingMethod(method.Name)
            || method.Name == LifecycleVocabulary.ReplyMethod
            || method.Name == LifecycleVocabulary.UpdateStatusMethod && !IsActiveState(invocation)))
        {
            return true;
        }

        // Delegation: a helper that receives the context or an updater may finish the task itself.
        return !onHandle && invocation.Arguments.Any(a => a.Value.Type is { } type && handles.Any(h => LifecycleAnalysis.DerivesFrom(type, h)));
    }

    // A constant submitted or working state keeps the task active. Anything else, or unknown, finishes or may.
    private static bool IsActiveState(IInvocationOperation invocation) =>
        invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "state")?.Value.ConstantValue is { HasValue: true, Value: int value }
        && LifecycleVocabulary.IsActive(value);

}
