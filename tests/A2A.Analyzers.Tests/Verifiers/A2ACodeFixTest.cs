using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace A2A.Analyzers.Tests.Verifiers;

/// <summary>
/// A code-fix test on the Roslyn testing packages, in the same agent-project setup as <see cref="A2AAnalyzerTest{TAnalyzer}"/>.
/// The code before the fix marks every diagnostic of the rule; the fixed code marks whatever should remain (a
/// diagnostic the fix leaves, compiler errors) and compiles otherwise. The packages apply the fix (repeatedly while diagnostics remain) and Fix All in document, project and
/// solution, and require the fixed code each time.
/// </summary>
internal sealed class A2ACodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public A2ACodeFixTest(string markup, string fixedMarkup)
    {
        TestCode = markup;
        FixedCode = fixedMarkup;
        // What the fixed code marks still counts (the packages' default ignores marked fixable diagnostics there).
        FixedState.MarkupHandling = MarkupMode.Allow;
        A2ATestSetup.Apply(this);
    }

    /// <summary>Applies the fix (the action with <paramref name="equivalenceKey"/> when given) and compares with <paramref name="fixedMarkup"/>.</summary>
    public static Task VerifyAsync(string markup, string fixedMarkup, string? equivalenceKey = null) =>
        new A2ACodeFixTest<TAnalyzer, TCodeFix>(markup, fixedMarkup) { CodeActionEquivalenceKey = equivalenceKey }.RunAsync();

    protected override IEnumerable<Type> GetSourceGenerators() => A2ATestSetup.SourceGenerators;

    protected override CompilationOptions CreateCompilationOptions() => A2ATestSetup.Options(base.CreateCompilationOptions());

    protected override ParseOptions CreateParseOptions() => A2ATestSetup.Options(base.CreateParseOptions());

    protected override Project ApplyCompilationOptions(Project project) => A2ATestSetup.AsInARealBuild(base.ApplyCompilationOptions(project));
}
