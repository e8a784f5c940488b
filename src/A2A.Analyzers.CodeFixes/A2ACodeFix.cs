using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace A2A.Analyzers.CodeFixes;

/// <summary>
/// What the A2A code fixes share: one diagnostic id each, Fix All through the batch fixer, and one registration per
/// diagnostic whose location the fix understands (a fix that does not apply registers nothing).
/// </summary>
public abstract class A2ACodeFix : CodeFixProvider
{
    private protected A2ACodeFix(DiagnosticDescriptor rule) => FixableDiagnosticIds = ImmutableArray.Create(rule.Id);

    /// <inheritdoc />
    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            foreach (CodeAction action in CreateActions(context.Document, root, diagnostic))
            {
                context.RegisterCodeFix(action, diagnostic);
            }
        }
    }

    /// <summary>The actions offered for <paramref name="diagnostic"/>, or none when the fix does not apply there.</summary>
    private protected abstract System.Collections.Generic.IEnumerable<CodeAction> CreateActions(Document document, SyntaxNode root, Diagnostic diagnostic);
}
