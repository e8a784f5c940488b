using System.Collections.Generic;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace A2A.Analyzers.CodeFixes;

/// <summary>
/// A2A0002 (no ExecuteAsync at all): adds the handler method with the generated context type. Its body starts the
/// work and throws <see cref="System.NotImplementedException"/>, the .NET convention for a generated stub; the
/// runtime turns that into a failed task, so nothing pretends to work.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GenerateExecuteMethodCodeFix)), Shared]
public sealed class GenerateExecuteMethodCodeFix : A2ACodeFix
{
    /// <summary>Creates the fix.</summary>
    public GenerateExecuteMethodCodeFix()
        : base(DiagnosticCatalog.ExecuteMethod)
    {
    }

    private protected override IEnumerable<CodeAction> CreateActions(Document document, SyntaxNode root, Diagnostic diagnostic)
    {
        // An ambiguous or misshaped method is the developer's to repair; only a missing one can be generated.
        if (diagnostic.Properties.TryGetValue(DiagnosticCatalog.ExecuteProblemProperty, out string? problem) && problem == "Missing"
            && diagnostic.Properties.TryGetValue(DiagnosticCatalog.ContextTypeProperty, out string? contextType) && contextType is not null
            && root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is ClassDeclarationSyntax declaration)
        {
            yield return CodeAction.Create("Generate ExecuteAsync", ct => GenerateAsync(document, declaration, contextType, ct), equivalenceKey: nameof(GenerateExecuteMethodCodeFix));
        }
    }

    private static async Task<Document> GenerateAsync(Document document, ClassDeclarationSyntax declaration, string contextType, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;

        // Fully qualified and annotated: the usings are added here, the code action's cleanup then simplifies the names.
        var method = (MethodDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration($$"""
            public async global::System.Threading.Tasks.Task ExecuteAsync({{contextType}} context, global::System.Threading.CancellationToken cancellationToken)
            {
                await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);

                // Do the work, then finish the task: CompleteAsync, FailAsync, or ask the client with a declared optional state.
                throw new global::System.NotImplementedException();
            }
            """)!;
        method = method.WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        Document withMethod = document.WithSyntaxRoot(root.ReplaceNode(declaration, declaration.AddMembers(method)));
        return await ImportAdder.AddImportsAsync(withMethod, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
