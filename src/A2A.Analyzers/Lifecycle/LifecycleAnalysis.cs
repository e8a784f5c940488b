using System.Collections.Generic;
using System.Linq;
using A2A.Lifecycle;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace A2A.Analyzers.Lifecycle;

/// <summary>
/// What the lifecycle rules share beyond the lifecycle vocabulary itself: which calls finish or interrupt a task,
/// whether a type is (or derives from) one of the runtime's types, and how a file's code blocks and their
/// control-flow graphs are found.
/// </summary>
internal static class LifecycleAnalysis
{
    /// <summary>An updater or manager method that moves a task to a terminal state.</summary>
    public static bool IsTerminalMethod(string name) => System.Array.IndexOf(LifecycleVocabulary.TerminalMethods, name) >= 0;

    /// <summary>An updater method that hands the task back to the client (input-required, auth-required).</summary>
    public static bool IsInterruptingMethod(string name) => System.Array.IndexOf(LifecycleVocabulary.InterruptingMethods, name) >= 0;

    /// <summary>True when <paramref name="type"/> is <paramref name="baseType"/> or derives from it (generic definitions compared).</summary>
    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        for (INamedTypeSymbol? current = type as INamedTypeSymbol; current is not null && baseType is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every operation a basic block runs, its branch condition included, each followed by its descendants.</summary>
    public static IEnumerable<IOperation> AllOperations(BasicBlock block)
    {
        IEnumerable<IOperation> operations = block.BranchValue is null ? block.Operations : block.Operations.Append(block.BranchValue);
        return operations.SelectMany(operation => new[] { operation }.Concat(operation.Descendants()));
    }

    /// <summary>
    /// False for the edge a constant condition never takes, such as the loop exit of <c>while (true)</c>: the graph
    /// keeps that edge, and following it would invent a path that returns without finishing the task.
    /// </summary>
    public static bool IsFeasible(ControlFlowBranch branch)
    {
        BasicBlock source = branch.Source;
        if (source.ConditionKind == ControlFlowConditionKind.None || source.BranchValue?.ConstantValue is not { HasValue: true, Value: bool value })
        {
            return true;
        }

        bool jumps = value == (source.ConditionKind == ControlFlowConditionKind.WhenTrue);
        return branch.IsConditionalSuccessor ? jumps : !jumps;
    }

    /// <summary>
    /// The first blocks of the catch and filter handlers an exception in <paramref name="block"/> can enter: those of
    /// every try region around it.
    /// </summary>
    public static IEnumerable<int> HandlerEntries(BasicBlock block)
    {
        for (ControlFlowRegion? region = block.EnclosingRegion; region?.EnclosingRegion is { } parent; region = parent)
        {
            if (region.Kind == ControlFlowRegionKind.Try && parent.Kind == ControlFlowRegionKind.TryAndCatch)
            {
                foreach (ControlFlowRegion handler in parent.NestedRegions.Where(r => r.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.FilterAndHandler))
                {
                    yield return handler.FirstBlockOrdinal;
                }
            }
        }
    }

    /// <summary>The simple name of the invoked method (<c>u.CompleteAsync()</c> gives CompleteAsync), read from syntax alone.</summary>
    public static string? InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>Every invocation in a file (the lifecycle rules run once per file, on its semantic model).</summary>
    public static IEnumerable<InvocationExpressionSyntax> Invocations(SyntaxTree tree, System.Threading.CancellationToken cancellationToken) =>
        tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>();

    /// <summary>
    /// The code blocks of a file that can hold statements: methods, constructors, operators, accessors, and the
    /// top-level statements of a program. Local functions and lambdas belong to their enclosing block.
    /// </summary>
    public static IEnumerable<SyntaxNode> CodeBlocks(SyntaxTree tree, System.Threading.CancellationToken cancellationToken)
    {
        SyntaxNode root = tree.GetRoot(cancellationToken);
        if (root is CompilationUnitSyntax unit && unit.Members.Any(m => m is GlobalStatementSyntax))
        {
            yield return unit;
        }

        foreach (SyntaxNode node in root.DescendantNodes(n => n is not (BaseMethodDeclarationSyntax or AccessorDeclarationSyntax)))
        {
            if (node is BaseMethodDeclarationSyntax { Body: not null } or BaseMethodDeclarationSyntax { ExpressionBody: not null }
                or AccessorDeclarationSyntax { Body: not null } or AccessorDeclarationSyntax { ExpressionBody: not null })
            {
                yield return node;
            }
        }
    }

    /// <summary>
    /// The control-flow graph of a code block (method, accessor, constructor), or null for other blocks. Built on
    /// demand, only for blocks that pass a rule's cheap gate: the analyzers register no operation actions, so no
    /// operation trees are built for code that never touches a task.
    /// </summary>
    public static ControlFlowGraph? CreateGraph(SyntaxNode codeBlock, SemanticModel model, System.Threading.CancellationToken cancellationToken) =>
        model.GetOperation(codeBlock, cancellationToken) switch
        {
            IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
            IConstructorBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
            IBlockOperation { Parent: null } body => ControlFlowGraph.Create(body, cancellationToken),
            _ => null,
        };

    /// <summary>
    /// The initializer of a local declared with one and never assigned afterwards (no assignment, no ref or out
    /// argument anywhere in its scope), so that the local always holds that value; null otherwise.
    /// </summary>
    public static ExpressionSyntax? SingleInitializer(ILocalSymbol local, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        if (local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } value } declarator
            || declarator.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        SyntaxNode scope = declarator.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or CompilationUnitSyntax)!;
        bool reassigned = scope.DescendantNodes().Any(node => node switch
        {
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } => target.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(target, cancellationToken).Symbol, local),
            ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword, Expression: IdentifierNameSyntax target } => target.Identifier.ValueText == local.Name,
            _ => false,
        });
        return reassigned ? null : value;
    }
}
