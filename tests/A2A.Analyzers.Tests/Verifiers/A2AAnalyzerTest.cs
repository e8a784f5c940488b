using System.Collections.Immutable;
using A2A.Generators;
using A2A.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace A2A.Analyzers.Tests.Verifiers;

/// <summary>
/// An analyzer test on the Roslyn testing packages, set up like an agent project: the A2A generator runs first
/// (the rules look at the types it generates), nullable is enabled, and the references are the .NET 10 reference
/// pack plus A2A.Runtime. Expected diagnostics are marked in the code, <c>{|A2A1001:span|}</c>; compiler errors
/// count too, so test code that does not compile must mark its errors (<c>{|CS0246:EchoContext|}</c>).
/// </summary>
/// <remarks>
/// The packages also check that every reported diagnostic disappears when its file is marked generated and can be
/// suppressed with #pragma. The generated sources themselves are checked by the generator's golden tests.
/// </remarks>
internal class A2AAnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public A2AAnalyzerTest(string markup)
    {
        TestCode = markup;
        A2ATestSetup.Apply(this);
    }

    /// <summary>Verifies <paramref name="markup"/> has exactly the diagnostics it marks.</summary>
    public static Task VerifyAsync(string markup) => new A2AAnalyzerTest<TAnalyzer>(markup).RunAsync();

    /// <summary>Verifies the diagnostics of <paramref name="markup"/> with an .editorconfig (severities, options).</summary>
    public static Task VerifyAsync(string markup, string editorConfig)
    {
        var test = new A2AAnalyzerTest<TAnalyzer>(markup);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        return test.RunAsync();
    }

    protected override IEnumerable<Type> GetSourceGenerators() => A2ATestSetup.SourceGenerators;

    protected override CompilationOptions CreateCompilationOptions() => A2ATestSetup.Options(base.CreateCompilationOptions());

    protected override ParseOptions CreateParseOptions() => A2ATestSetup.Options(base.CreateParseOptions());

    protected override Project ApplyCompilationOptions(Project project) => A2ATestSetup.AsInARealBuild(base.ApplyCompilationOptions(project));
}

/// <summary>Every A2A analyzer at once, for the handler corpus: each file is compared with every rule.</summary>
internal sealed class AllA2AAnalyzersTest(string markup) : A2AAnalyzerTest<EmptyDiagnosticAnalyzer>(markup)
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        typeof(DiagnosticCatalog).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    public static new Task VerifyAsync(string markup) => new AllA2AAnalyzersTest(markup).RunAsync();

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => Analyzers;
}

/// <summary>What analyzer and code-fix tests share: an agent project's compilation.</summary>
internal static class A2ATestSetup
{
    // Ours, and System.Text.Json's as every real build runs it (an agent may name a JsonSerializerContext).
    public static readonly Type[] SourceGenerators = TestReferences.JsonSourceGenerator is { } json ? [typeof(AgentGenerator), json] : [typeof(AgentGenerator)];

    public static void Apply<TVerifier>(AnalyzerTest<TVerifier> test)
        where TVerifier : IVerifier, new()
    {
        test.ReferenceAssemblies = TestReferences.Net10;
        test.TestState.AdditionalReferences.AddRange(TestReferences.All());
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    public static CompilationOptions Options(CompilationOptions options) =>
        ((CSharpCompilationOptions)options).WithNullableContextOptions(NullableContextOptions.Enable);

    public static ParseOptions Options(ParseOptions options) =>
        ((CSharpParseOptions)options).WithLanguageVersion(LanguageVersion.Latest);

    /// <summary>
    /// The packages switch every rule under test on in the compilation options (even one that is off by default),
    /// and compilation options override .editorconfig. Our rules are taken out again, so that, as in a real build,
    /// the catalog's default severity (A2A1002 is off) and .editorconfig decide.
    /// </summary>
    public static Project AsInARealBuild(Project project)
    {
        CompilationOptions options = project.CompilationOptions!;
        var ours = options.SpecificDiagnosticOptions.Keys.Where(id => id.StartsWith("A2A", StringComparison.Ordinal));
        return project.WithCompilationOptions(options.WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.RemoveRange(ours)));
    }
}
