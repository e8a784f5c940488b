using System.Collections.Immutable;
using System.Text.RegularExpressions;
using A2A.Generators.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace A2A.Analyzers.Tests;

/// <summary>
/// Our own analyzer test harness (Microsoft.CodeAnalysis.Testing is not in our registry): test code carries its
/// expected diagnostics as markup <c>{|A2A0001:span|}</c>; the harness compiles it with the generator, runs every
/// A2A analyzer through CompilationWithAnalyzers, and requires exactly the marked diagnostics, no more, no less.
/// An analyzer exception fails the test.
/// </summary>
internal static partial class AnalyzerHarness
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        typeof(DiagnosticCatalog).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>Like <see cref="VerifyAsync(string, IReadOnlyCollection{string}?, bool)"/>, comparing only <paramref name="rules"/>.</summary>
    public static Task VerifyAsync(IReadOnlyCollection<string> rules, string markup) => VerifyAsync(markup, rules);

    /// <param name="markup">The test code with its expected diagnostics marked.</param>
    /// <param name="rules">When given, only these rule ids are compared (for tests of one rule in code that other rules also look at).</param>
    /// <param name="compiles">
    /// False for test code that cannot compile by design (a class the generator skips, so its generated types are
    /// missing); otherwise any compiler error fails the test, so a typo cannot pass for a quiet analyzer.
    /// </param>
    public static async Task VerifyAsync(string markup, IReadOnlyCollection<string>? rules = null, bool compiles = true)
    {
        (string source, List<(string Id, TextSpan Span)> expected) = Parse(markup);
        if (compiles)
        {
            AssertCompiles(source);
        }

        ImmutableArray<Diagnostic> actual = await AnalyzeAsync([source]);
        var found = actual.Where(d => d.Location.SourceTree?.FilePath == "Input0.cs" && (rules is null || rules.Contains(d.Id)))
            .Select(d => (d.Id, d.Location.SourceSpan))
            .OrderBy(d => d.SourceSpan.Start).ThenBy(d => d.Id)
            .ToList();
        var wanted = expected.OrderBy(d => d.Span.Start).ThenBy(d => d.Id).ToList();
        Assert.True(
            found.SequenceEqual(wanted),
            $"expected: {Describe(source, wanted)}\nactual:   {Describe(source, found)}\nall: {string.Join("\n", actual)}");
    }

    /// <summary>Fails the test when <paramref name="source"/> plus the generated code has a compiler error.</summary>
    public static void AssertCompiles(string source)
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation([source]));
        Diagnostic[] errors = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, "the test code does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));
    }

    /// <summary>Runs the generator, then the analyzers; returns the A2A diagnostics.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(
        IEnumerable<string> sources,
        AnalyzerConfigOptionsProvider? options = null,
        Func<CSharpCompilation, CSharpCompilation>? configure = null)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(sources);
        GeneratorRun run = GeneratorHarness.Run(configure is null ? compilation : configure(compilation));
        ImmutableArray<Diagnostic> diagnostics = await RunAnalyzersAsync(run.Compilation, options);
        return diagnostics.Where(d => d.Id.StartsWith("A2A", StringComparison.Ordinal)).ToImmutableArray();
    }

    /// <summary>Every A2A analyzer over a compilation that already holds the generated code; an analyzer exception fails the test.</summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAnalyzersAsync(Compilation compilation, AnalyzerConfigOptionsProvider? options = null)
    {
        var exceptions = new List<Exception>();
        var analyzerOptions = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([], options ?? EmptyOptions.Instance),
            onAnalyzerException: (ex, _, _) => exceptions.Add(ex),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(Analyzers, analyzerOptions).GetAnalyzerDiagnosticsAsync();
        Assert.True(exceptions.Count == 0, string.Join("\n", exceptions));
        return diagnostics;
    }

    internal static (string Source, List<(string Id, TextSpan Span)> Expected) Parse(string markup)
    {
        var expected = new List<(string, TextSpan)>();
        var text = new System.Text.StringBuilder();
        int last = 0;
        foreach (Match match in Markup().Matches(markup))
        {
            text.Append(markup, last, match.Index - last);
            int start = text.Length;
            text.Append(match.Groups["text"].Value);
            expected.Add((match.Groups["id"].Value, TextSpan.FromBounds(start, text.Length)));
            last = match.Index + match.Length;
        }

        text.Append(markup, last, markup.Length - last);
        return (text.ToString(), expected);
    }

    internal static string Describe(string source, IEnumerable<(string Id, TextSpan Span)> diagnostics) =>
        "[" + string.Join(", ", diagnostics.Select(d => $"{d.Id} '{source.Substring(d.Span.Start, d.Span.Length)}'")) + "]";

    [GeneratedRegex(@"\{\|(?<id>A2A\d{4}):(?<text>.*?)\|\}", RegexOptions.Singleline)]
    private static partial Regex Markup();

    internal sealed class EmptyOptions : AnalyzerConfigOptionsProvider
    {
        public static readonly EmptyOptions Instance = new();

        public override AnalyzerConfigOptions GlobalOptions => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new();

            public override bool TryGetValue(string key, out string value)
            {
                value = "";
                return false;
            }
        }
    }
}
