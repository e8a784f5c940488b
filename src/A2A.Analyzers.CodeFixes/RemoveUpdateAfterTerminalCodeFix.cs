using System.Collections.Generic;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace A2A.Analyzers.CodeFixes;

/// <summary>
/// A2A1001: removes a statement that changes a task already terminal on every path. Offered only when the call is
/// the whole statement (<c>await u.X();</c> or <c>u.X();</c>); a call whose result is used is left to the developer.
/// Not offered for A2A1002: on the paths where the task is still open the update is wanted.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveUpdateAfterTerminalCodeFix)), Shared]
public sealed class RemoveUpdateAfterTerminalCodeFix : A2ACodeFix
{
    /// <summary>Creates the fix.</summary>
    public RemoveUpdateAfterTerminalCodeFix()
        : base(DiagnosticCatalog.UpdateAfterTerminal)
    {
    }

    private protected override IEnumerable<CodeAction> CreateActions(Document document, SyntaxNode root, Diagnostic diagnostic)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } invocation
            && StatementOf(invocation) is { } statement)
        {
            yield return CodeAction.Create("Remove the update after the terminal state", ct => RemoveAsync(document, statement, ct), equivalenceKey: nameof(RemoveUpdateAfterTerminalCodeFix));
        }
    }

    private static ExpressionStatementSyntax? StatementOf(InvocationExpressionSyntax invocation)
    {
        SyntaxNode expression = invocation.Parent is AwaitExpressionSyntax awaited ? awaited : invocation;
        while (expression.Parent is ParenthesizedExpressionSyntax)
        {
            expression = expression.Parent;
        }

        return expression.Parent as ExpressionStatementSyntax;
    }

    private static async Task<Document> RemoveAsync(Document document, ExpressionStatementSyntax statement, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;

        // In a block or switch section the statement can go; as the body of an if/else/loop it becomes `{ }`.
        SyntaxNode? updated = statement.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax
            ? root.RemoveNode(statement, SyntaxRemoveOptions.KeepUnbalancedDirectives)
            : root.ReplaceNode(statement, SyntaxFactory.Block().WithTriviaFrom(statement));
        return document.WithSyntaxRoot(updated!);
    }
}
