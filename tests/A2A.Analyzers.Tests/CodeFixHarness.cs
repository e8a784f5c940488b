using System.Collections.Immutable;
using A2A.Generators;
using A2A.Generators.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace A2A.Analyzers.Tests;

/// <summary>
/// Applies code fixes the way the IDE does: the test code lives in an <see cref="AdhocWorkspace"/> project whose
/// compilation runs the A2A generator; the analyzers find the diagnostics; a fix (or Fix All in the document) is
/// applied through its code action operations. The result must equal the expected text, and that text — with its own
/// markup for any diagnostics that should remain — must compile cleanly with exactly those diagnostics.
/// </summary>
internal static class CodeFixHarness
{
    private const string FileName = "Input0.cs";

    /// <param name="fix">The provider under test.</param>
    /// <param name="markup">Code before the fix; every diagnostic the provider can fix is marked, and only those.</param>
    /// <param name="fixedMarkup">Code after the fix, with every A2A diagnostic still expected marked.</param>
    /// <param name="equivalenceKey">Which of the offered actions to apply; the first one when null.</param>
    /// <param name="fixAll">Apply Fix All in the document instead of fixing the first diagnostic.</param>
    public static async Task VerifyFixAsync(CodeFixProvider fix, string markup, string fixedMarkup, string? equivalenceKey = null, bool fixAll = false)
    {
        (string source, List<(string Id, TextSpan Span)> expected) = AnalyzerHarness.Parse(markup);
        using var workspace = new AdhocWorkspace();
        Document document = CreateDocument(workspace, source);

        ImmutableArray<Diagnostic> before = await FixableDiagnosticsAsync(document, fix);
        var found = before.Select(d => (d.Id, d.Location.SourceSpan)).OrderBy(d => d.SourceSpan.Start).ToList();
        Assert.True(found.SequenceEqual(expected.OrderBy(d => d.Span.Start)), $"before the fix, expected {AnalyzerHarness.Describe(source, expected)} but found {AnalyzerHarness.Describe(source, found)}");
        Assert.NotEmpty(before);

        CodeAction action = await FindActionAsync(fix, document, before[0], equivalenceKey)
            ?? throw new Xunit.Sdk.XunitException($"{fix.GetType().Name} offered no action{(equivalenceKey is null ? "" : $" '{equivalenceKey}'")} for {before[0]}");
        if (fixAll)
        {
            FixAllProvider provider = fix.GetFixAllProvider() ?? throw new Xunit.Sdk.XunitException($"{fix.GetType().Name} has no Fix All provider");
            var fixAllContext = new FixAllContext(
                document, fix, FixAllScope.Document, action.EquivalenceKey, fix.FixableDiagnosticIds, new DiagnosticProvider(fix), CancellationToken.None);
            action = await provider.GetFixAsync(fixAllContext) ?? throw new Xunit.Sdk.XunitException("Fix All produced no action");
        }

        Solution fixedSolution = await ApplyAsync(action, workspace.CurrentSolution);
        Document fixedDocument = fixedSolution.GetDocument(document.Id)!;
        string actual = (await fixedDocument.GetTextAsync()).ToString();
        (string wantedSource, _) = AnalyzerHarness.Parse(fixedMarkup);
        Assert.True(Normalize(wantedSource) == Normalize(actual), $"after the fix, expected:\n{wantedSource}\nactual:\n{actual}");

        // The fixed code compiles (generator included) and has exactly the diagnostics the fixed markup names.
        await AnalyzerHarness.VerifyAsync(fixedMarkup);
    }

    /// <summary>The titles of the actions the provider offers for the first fixable diagnostic (to test what is not offered).</summary>
    public static async Task<IReadOnlyList<string>> OfferedActionsAsync(CodeFixProvider fix, string source)
    {
        using var workspace = new AdhocWorkspace();
        Document document = CreateDocument(workspace, source);
        ImmutableArray<Diagnostic> diagnostics = await FixableDiagnosticsAsync(document, fix);
        Assert.NotEmpty(diagnostics);
        var titles = new List<string>();
        var context = new CodeFixContext(document, diagnostics[0], (action, _) => titles.Add(action.Title), CancellationToken.None);
        await fix.RegisterCodeFixesAsync(context);
        return titles;
    }

    private static Document CreateDocument(AdhocWorkspace workspace, string source)
    {
        CSharpCompilation template = GeneratorHarness.CreateCompilation([]);
        ProjectId projectId = ProjectId.CreateNewId();
        var project = ProjectInfo.Create(
                projectId, VersionStamp.Default, "TestAgents", "TestAgents", LanguageNames.CSharp,
                compilationOptions: template.Options,
                parseOptions: GeneratorHarness.ParseOptions(),
                metadataReferences: template.References)
            .WithAnalyzerReferences([new GeneratorReference(new AgentGenerator().AsSourceGenerator())]);
        Solution solution = workspace.CurrentSolution.AddProject(project)
            .AddDocument(DocumentId.CreateNewId(projectId), FileName, SourceText.From(source), filePath: FileName);
        Assert.True(workspace.TryApplyChanges(solution));
        return workspace.CurrentSolution.Projects.Single().Documents.Single();
    }

    private static async Task<ImmutableArray<Diagnostic>> FixableDiagnosticsAsync(Document document, CodeFixProvider fix)
    {
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        ImmutableArray<Diagnostic> diagnostics = await AnalyzerHarness.RunAnalyzersAsync(compilation);
        return diagnostics
            .Where(d => d.Location.SourceTree?.FilePath == FileName && fix.FixableDiagnosticIds.Contains(d.Id))
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    private static async Task<CodeAction?> FindActionAsync(CodeFixProvider fix, Document document, Diagnostic diagnostic, string? equivalenceKey)
    {
        var actions = new List<CodeAction>();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions.FirstOrDefault(a => equivalenceKey is null || a.EquivalenceKey == equivalenceKey);
    }

    private static async Task<Solution> ApplyAsync(CodeAction action, Solution solution)
    {
        ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
        ApplyChangesOperation apply = Assert.Single(operations.OfType<ApplyChangesOperation>());
        return apply.ChangedSolution;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Feeds Fix All the same analyzer diagnostics the single fix saw.</summary>
    private sealed class DiagnosticProvider(CodeFixProvider fix) : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            await FixableDiagnosticsAsync(document, fix);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
        {
            var all = new List<Diagnostic>();
            foreach (Document document in project.Documents)
            {
                all.AddRange(await FixableDiagnosticsAsync(document, fix));
            }

            return all;
        }
    }

    /// <summary>Lets the workspace run our generator, as the IDE does for an analyzer package.</summary>
    private sealed class GeneratorReference(ISourceGenerator generator) : AnalyzerReference
    {
        public override string? FullPath => null;

        public override object Id => this;

        public override string Display => "A2A generator";

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzersForAllLanguages() => [];

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzers(string language) => [];

        public override ImmutableArray<ISourceGenerator> GetGeneratorsForAllLanguages() => [generator];

        public override ImmutableArray<ISourceGenerator> GetGenerators(string language) => [generator];
    }
}
