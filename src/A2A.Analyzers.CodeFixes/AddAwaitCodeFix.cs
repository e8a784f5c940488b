using System.Collections.Generic;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace A2A.Analyzers.CodeFixes;

/// <summary>
/// A2A1005: awaits a dropped lifecycle call (<c>u.CompleteAsync();</c> or <c>_ = u.CompleteAsync();</c> becomes
/// <c>await u.CompleteAsync();</c>; a dropped <c>.ConfigureAwait(false)</c> stays on the awaited expression). Offered
/// only for a dropped statement inside an async method, local function or lambda: turning a synchronous method async
/// changes its signature and its return statements, and awaiting in the body of a void-returning expression lambda
/// would make it async void; both are the developer's call.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddAwaitCodeFix)), Shared]
public sealed class AddAwaitCodeFix : A2ACodeFix
{
    /// <summary>Creates the fix.</summary>
    public AddAwaitCodeFix()
        : base(DiagnosticCatalog.LifecycleCallNotAwaited)
    {
    }

    private protected override IEnumerable<CodeAction> CreateActions(Document document, SyntaxNode root, Diagnostic diagnostic)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } invocation
            && invocation.Ancestors().FirstOrDefault(a => a is ExpressionStatementSyntax or AnonymousFunctionExpressionSyntax) is ExpressionStatementSyntax statement
            && IsInAsyncFunction(statement))
        {
            yield return CodeAction.Create("Await the lifecycle call", ct => AwaitAsync(document, statement, ct), equivalenceKey: nameof(AddAwaitCodeFix));
        }
    }

    private static async Task<Document> AwaitAsync(Document document, ExpressionStatementSyntax statement, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;

        // `_ = call();` loses the discard: the awaited result of a lifecycle call is the task snapshot, safe to drop.
        // What is awaited is the whole dropped value, so `call().ConfigureAwait(false);` keeps its ConfigureAwait.
        ExpressionSyntax dropped = statement.Expression is AssignmentExpressionSyntax discard ? discard.Right : statement.Expression;
        ExpressionSyntax call = dropped.WithoutTrivia();
        AwaitExpressionSyntax awaited = SyntaxFactory.AwaitExpression(SyntaxFactory.Token(SyntaxKind.AwaitKeyword).WithTrailingTrivia(SyntaxFactory.Space), call)
            .WithTriviaFrom(statement.Expression);
        return document.WithSyntaxRoot(root.ReplaceNode(statement, statement.WithExpression(awaited)));
    }

    private static bool IsInAsyncFunction(SyntaxNode node)
    {
        foreach (SyntaxNode ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                case LocalFunctionStatementSyntax local:
                    return local.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case BaseMethodDeclarationSyntax method:
                    return method.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case AccessorDeclarationSyntax or BasePropertyDeclarationSyntax or TypeDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }
}
