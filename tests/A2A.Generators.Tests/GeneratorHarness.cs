using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using A2A.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace A2A.Generators.Tests;

/// <summary>
/// Compiles test sources with the A2A generator (and System.Text.Json's, for user JsonSerializerContexts) the way a
/// real build does, for what the Roslyn testing packages do not cover: incremental step tracking, loading and running
/// the generated code, and compiling one input under several language versions and nullable settings.
/// </summary>
internal static class GeneratorHarness
{

    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.Latest) =>
        new(version, DocumentationMode.Diagnose);

    public static CSharpCompilation CreateCompilation(
        IEnumerable<string> sources,
        NullableContextOptions nullable = NullableContextOptions.Enable,
        LanguageVersion version = LanguageVersion.Latest,
        bool dependencyInjection = true,
        string assemblyName = "TestAgents")
    {
        CSharpParseOptions parse = ParseOptions(version);
        ImmutableArray<MetadataReference> references = A2A.Testing.TestReferences.All(dependencyInjection);
        return CSharpCompilation.Create(
            assemblyName,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parse, path: $"Input{i}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable, allowUnsafe: false));
    }

    public static GeneratorDriver CreateDriver(CSharpCompilation compilation, bool trackSteps = false)
    {
        var generators = new List<ISourceGenerator> { new AgentGenerator().AsSourceGenerator() };
        if (A2A.Testing.TestReferences.JsonSourceGenerator is { } json)
        {
            generators.Add(((IIncrementalGenerator)Activator.CreateInstance(json)!).AsSourceGenerator());
        }

        return CSharpGeneratorDriver.Create(
            generators,
            parseOptions: (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    /// <summary>Runs the generators and returns the final compilation, its diagnostics and the A2A-generated sources.</summary>
    public static GeneratorRun Run(CSharpCompilation compilation)
    {
        GeneratorDriver driver = CreateDriver(compilation).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        GeneratorDriverRunResult result = driver.GetRunResult();
        ImmutableArray<(string HintName, string Text)> generated = result.Results
            .Where(r => r.Generator.GetGeneratorType() == typeof(AgentGenerator))
            .SelectMany(r => r.GeneratedSources)
            .Select(s => (s.HintName, s.SourceText.ToString()))
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .ToImmutableArray();
        ImmutableArray<Diagnostic> exceptions = result.Results.Where(r => r.Exception is not null)
            .Select(r => Diagnostic.Create(new DiagnosticDescriptor("GEN", "generator threw", r.Exception!.ToString(), "Test", DiagnosticSeverity.Error, true), Location.None))
            .ToImmutableArray();
        return new GeneratorRun((CSharpCompilation)output, generatorDiagnostics.AddRange(exceptions).AddRange(output.GetDiagnostics()), generated);
    }

    /// <summary>Emits and loads the compilation into a collectible context, failing with the diagnostics if it does not compile.</summary>
    public static Assembly Load(CSharpCompilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid(), isCollectible: true);
        context.Resolving += (_, name) => AssemblyLoadContext.Default.LoadFromAssemblyName(name);
        return context.LoadFromStream(stream);
    }
}

internal sealed record GeneratorRun(CSharpCompilation Compilation, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<(string HintName, string Text)> Generated)
{
    /// <summary>
    /// Errors anywhere, and warnings, except missing XML docs on the hand-written test inputs (documentation mode
    /// is on so that generated code is held to it).
    /// </summary>
    public IEnumerable<Diagnostic> WarningsAndErrors => Diagnostics.Where(d =>
        d.Severity == DiagnosticSeverity.Error
        || (d.Severity == DiagnosticSeverity.Warning && !(d.Id == "CS1591" && d.Location.SourceTree?.FilePath.StartsWith("Input", StringComparison.Ordinal) == true)));
}
