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
using Microsoft.CodeAnalysis.Formatting;

namespace A2A.Analyzers.CodeFixes;

/// <summary>
/// A2A1004: finishes the task where the handler falls off its end, with
/// <c>await context.Updater.CompleteAsync(cancellationToken: cancellationToken);</c> (or FailAsync, the second
/// offer). A path that leaves early with <c>return;</c> is not touched: where it should end is the developer's call,
/// so the diagnostic stays until that path finishes too. Not offered when some path already finished the task (an
/// <c>if</c> that completes, say): appending a call would finish that path twice.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CompleteAtEndCodeFix)), Shared]
public sealed class CompleteAtEndCodeFix : A2ACodeFix
{
    /// <summary>Creates the fix.</summary>
    public CompleteAtEndCodeFix()
        : base(DiagnosticCatalog.HandlerReturnsActive)
    {
    }

    private protected override IEnumerable<CodeAction> CreateActions(Document document, SyntaxNode root, Diagnostic diagnostic)
    {
        // Only an async block-bodied handler can take an awaited statement at its end without other changes, and only
        // when no path already finished the task: there the added call would finish it twice, and where the missing
        // call belongs is the developer's call.
        if (root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not MethodDeclarationSyntax { Body: not null, ParameterList.Parameters.Count: > 0 } method
            || !method.Modifiers.Any(SyntaxKind.AsyncKeyword)
            || !diagnostic.Properties.TryGetValue(DiagnosticCatalog.SomePathFinishedProperty, out string? finished)
            || finished != "false")
        {
            yield break;
        }

        foreach (string finish in new[] { "CompleteAsync", "FailAsync" })
        {
            yield return CodeAction.Create(
                $"Call {finish} at the end of {method.Identifier.ValueText}",
                ct => AddAtEndAsync(document, method, finish, ct),
                equivalenceKey: nameof(CompleteAtEndCodeFix) + "." + finish);
        }
    }

    private static async Task<Document> AddAtEndAsync(Document document, MethodDeclarationSyntax method, string finish, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        string contextName = method.ParameterList.Parameters[0].Identifier.ValueText;
        ParameterSyntax? token = method.ParameterList.Parameters.Skip(1).FirstOrDefault(p => p.Type?.ToString() is "CancellationToken" or "System.Threading.CancellationToken" or "global::System.Threading.CancellationToken");
        string arguments = token is null ? "" : $"cancellationToken: {token.Identifier.ValueText}";
        StatementSyntax finishing = SyntaxFactory.ParseStatement($"await {contextName}.Updater.{finish}({arguments});");

        // A trailing `return;` stays last. The new line copies the indentation and line ending of the last statement;
        // in an empty body the formatter places it.
        BlockSyntax body = method.Body!;
        SyntaxList<StatementSyntax> statements = body.Statements;
        int at = statements.LastOrDefault() is ReturnStatementSyntax { Expression: null } ? statements.Count - 1 : statements.Count;
        finishing = statements.LastOrDefault() is { } neighbour
            ? finishing.WithLeadingTrivia(LastOf(neighbour.GetLeadingTrivia(), SyntaxKind.WhitespaceTrivia))
                .WithTrailingTrivia(LastOf(neighbour.GetTrailingTrivia(), SyntaxKind.EndOfLineTrivia))
            : finishing.WithAdditionalAnnotations(Formatter.Annotation);
        MethodDeclarationSyntax updated = method.WithBody(body.WithStatements(statements.Insert(at, finishing)));
        return document.WithSyntaxRoot(root.ReplaceNode(method, updated));
    }

    private static SyntaxTriviaList LastOf(SyntaxTriviaList trivia, SyntaxKind kind)
    {
        SyntaxTrivia last = trivia.LastOrDefault(t => t.IsKind(kind));
        return last.IsKind(kind) ? SyntaxFactory.TriviaList(last) : SyntaxFactory.TriviaList();
    }
}
