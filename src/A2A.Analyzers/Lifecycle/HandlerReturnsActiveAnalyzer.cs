using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace A2A.Analyzers.Lifecycle;

/// <summary>
/// A2A1004: an agent handler (<c>Task ExecuteAsync({Name}Context, ...)</c>) with a path that
/// returns normally without a terminal or interrupted transition. Paths that throw are fine (the runtime fails the
/// task). Handing the context or an updater to another method counts as finishing, because that method may well do
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
            INamedTypeSymbol? agentContext = start.Compilation.GetTypeByMetadataName("A2A.Agents.AgentContext`1");
            INamedTypeSymbol?[] handles =
            [
                agentContext,
                start.Compilation.GetTypeByMetadataName("A2A.Agents.AgentTaskUpdater"),
                start.Compilation.GetTypeByMetadataName("A2A.Tasks.TaskUpdater"),
                start.Compilation.GetTypeByMetadataName("A2A.Agents.AgentTaskManager"),
                start.Compilation.GetTypeByMetadataName("A2A.Tasks.TaskManager"),
            ];
            if (agentContext is null)
            {
                return;
            }

            start.RegisterOperationBlockAction(block =>
            {
                // The handler shape: Task ExecuteAsync({Name}Context context, ...). Other methods taking a context are helpers.
                if (block.OwningSymbol is not IMethodSymbol { Name: "ExecuteAsync", Parameters.Length: > 0 } method
                    || method.ReturnType.ToDisplayString() != "System.Threading.Tasks.Task"
                    || !LifecycleVocabulary.DerivesFrom(method.Parameters[0].Type, agentContext))
                {
                    return;
                }

                foreach (IOperation root in block.OperationBlocks)
                {
                    if (root is IMethodBodyOperation or IBlockOperation && block.GetControlFlowGraph(root) is { } graph && CanReturnActive(graph, handles))
                    {
                        block.ReportDiagnostic(Diagnostic.Create(DiagnosticCatalog.HandlerReturnsActive, method.Locations.FirstOrDefault(), method.Name));
                        return;
                    }
                }
            });
        });
    }

    private static bool CanReturnActive(ControlFlowGraph graph, INamedTypeSymbol?[] handles)
    {
        // Forward "may still be open" analysis: a block is open if any path to it has not finished the task.
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
            bool stillOpen = open[ordinal] && !Finishes(block, handles);
            foreach (ControlFlowBranch? branch in new[] { block.FallThroughSuccessor, block.ConditionalSuccessor })
            {
                if (branch?.Destination is { IsReachable: true } next)
                {
                    work.Push((next.Ordinal, stillOpen));
                }
            }
        }

        BasicBlock exit = graph.Blocks[graph.Blocks.Length - 1];
        return exit.Kind == BasicBlockKind.Exit && visited[exit.Ordinal] && open[exit.Ordinal];
    }

    private static bool Finishes(BasicBlock block, INamedTypeSymbol?[] handles)
    {
        IEnumerable<IOperation> operations = block.BranchValue is null ? block.Operations : block.Operations.Append(block.BranchValue);
        foreach (IInvocationOperation invocation in operations.SelectMany(o => new[] { o }.Concat(o.Descendants())).OfType<IInvocationOperation>())
        {
            IMethodSymbol method = invocation.TargetMethod;
            bool onHandle = invocation.Instance is { Type: { } receiver } && handles.Any(h => LifecycleVocabulary.DerivesFrom(receiver, h));
            if (onHandle && (LifecycleVocabulary.TerminalMethods.Contains(method.Name) || LifecycleVocabulary.InterruptingMethods.Contains(method.Name) || method.Name == "UpdateStatusAsync" && !IsActiveState(invocation)))
            {
                return true;
            }

            // Delegation: a helper that receives the context or an updater may finish the task itself.
            if (!onHandle && invocation.Arguments.Any(a => a.Value.Type is { } type && handles.Any(h => LifecycleVocabulary.DerivesFrom(type, h))))
            {
                return true;
            }
        }

        return false;
    }

    // A constant submitted or working state keeps the task active. Anything else, or unknown, finishes or may.
    private static bool IsActiveState(IInvocationOperation invocation) =>
        invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "state")?.Value.ConstantValue is { HasValue: true, Value: int value }
        && LifecycleVocabulary.IsActiveState(value);

}
