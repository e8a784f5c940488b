using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using A2A.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace A2A.Generators.Tests;

/// <summary>
/// Compiles test sources with the A2A generator (and System.Text.Json's, for user JsonSerializerContexts) the way
/// a real build does, without the Microsoft.CodeAnalysis.Testing packages (not in our registry).
/// </summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(LoadFrameworkReferences);
    private static readonly Lazy<ISourceGenerator?> JsonGenerator = new(LoadJsonGenerator);

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
        IEnumerable<MetadataReference> references = FrameworkReferences.Value
            .Add(MetadataReference.CreateFromFile(typeof(A2A.Tasks.TaskManager).Assembly.Location));
        if (dependencyInjection)
        {
            references = references
                .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location))
                .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.ServiceCollection).Assembly.Location))
                .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.ServiceProvider).Assembly.Location));
        }

        return CSharpCompilation.Create(
            assemblyName,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parse, path: $"Input{i}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable, allowUnsafe: false));
    }

    public static GeneratorDriver CreateDriver(CSharpCompilation compilation, bool trackSteps = false)
    {
        var generators = new List<ISourceGenerator> { new AgentGenerator().AsSourceGenerator() };
        if (JsonGenerator.Value is { } json)
        {
            generators.Add(json);
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

    private static ImmutableArray<MetadataReference> LoadFrameworkReferences()
    {
        // Prefer the reference pack (what a real build compiles against); fall back to the running framework.
        string runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        string version = Path.GetFileName(runtimeDir);
        string refDir = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref", version, "ref", "net10.0");
        IEnumerable<string> files = Directory.Exists(refDir)
            ? Directory.GetFiles(refDir, "*.dll")
            : ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return files.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
    }

    private static ISourceGenerator? LoadJsonGenerator()
    {
        string runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string packs = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref"));
        string? dll = Directory.Exists(packs)
            ? Directory.GetFiles(packs, "System.Text.Json.SourceGeneration.dll", SearchOption.AllDirectories).OrderDescending().FirstOrDefault()
            : null;
        return dll is null ? null : new AnalyzerFileReference(dll, new AnalyzerAssemblyLoader()).GetGenerators(LanguageNames.CSharp).FirstOrDefault();
    }

    private sealed class AnalyzerAssemblyLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
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
