using System.Collections.Immutable;
using A2A.Generators;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace A2A.Benchmarks;

/// <summary>
/// The generator on a 500-agent compilation with 500 unrelated files. Baseline: binding the same compilation (all
/// diagnostics, generated code included), the work every build does anyway. Every measurement starts from a new
/// compilation made the way an edit makes one (ReplaceSyntaxTree: new source symbols, shared reference symbols), so
/// nothing bound in one invocation is reused by the next. <see cref="AttributeLookupFloor"/> is a generator that only
/// runs ForAttributeWithMetadataName for the same attribute with a no-op transform: the part of a re-run that any
/// attribute-driven generator pays on every edit.
/// Monitoring job with few iterations: each operation takes hundreds of milliseconds to seconds.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 7)]
public class GeneratorBenchmarks
{
    private const int Agents = 500;
    private const int UnrelatedFiles = 500;

    private CSharpCompilation _input = null!;
    private Compilation _withGenerated = null!;
    private CSharpCompilation _unrelatedEdit = null!;
    private CSharpCompilation _handlerEdit = null!;
    private GeneratorDriver _warmDriver = null!;
    private GeneratorDriver _warmFloorDriver = null!;

    [GlobalSetup]
    public void Setup()
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new List<SyntaxTree>();
        for (int i = 0; i < Agents; i++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(AgentSource(i, "done"), parse, $"Agent{i}.cs"));
        }

        for (int i = 0; i < UnrelatedFiles; i++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(UnrelatedSource(i, 2), parse, $"Util{i}.cs"));
        }

        string runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        IEnumerable<MetadataReference> references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.StartsWith(runtimeDir, StringComparison.Ordinal))
            .Append(typeof(A2A.Tasks.TaskManager).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
        _input = CSharpCompilation.Create("Agents", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        _warmDriver = NewDriver().RunGeneratorsAndUpdateCompilation(_input, out _withGenerated, out ImmutableArray<Diagnostic> _);
        int errors = _withGenerated.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        if (errors != 0)
        {
            throw new InvalidOperationException($"The benchmark corpus does not compile: {errors} errors.");
        }

        _unrelatedEdit = Replace(_input, Agents + 7, UnrelatedSource(7, 3), parse);
        _warmFloorDriver = CSharpGeneratorDriver.Create(new AttributeLookupOnly()).RunGenerators(_input);
        _handlerEdit = Replace(_input, 7, AgentSource(7, "finished"), parse);
    }

    [Benchmark(Baseline = true)]
    public int BindWholeCompilation() => Fresh(_withGenerated).GetDiagnostics().Length;

    [Benchmark]
    public GeneratorDriver GeneratorFirstRun() => NewDriver().RunGenerators(Fresh(_input));

    [Benchmark]
    public GeneratorDriver GeneratorRerunAfterUnrelatedEdit() => _warmDriver.RunGenerators(Fresh(_unrelatedEdit));

    [Benchmark]
    public GeneratorDriver GeneratorRerunAfterHandlerEdit() => _warmDriver.RunGenerators(Fresh(_handlerEdit));

    [Benchmark]
    public GeneratorDriver AttributeLookupFloor() =>
        _warmFloorDriver.RunGenerators(Fresh(_unrelatedEdit));

    [Benchmark]
    public GeneratorDriver AttributeLookupFloorFirstRun() =>
        CSharpGeneratorDriver.Create(new AttributeLookupOnly()).RunGenerators(Fresh(_input));

    private static GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(new AgentGenerator());

    // A new compilation with the same trees, as after an edit elsewhere: reference symbols are shared, source symbols
    // and semantic models are not. The replaced tree is the last unrelated file, re-parsed from its own text.
    /// <summary>The corpus with generated code, for other benchmarks over the same compilation.</summary>
    internal Compilation WithGenerated => _withGenerated;

    internal static Compilation Fresh(Compilation compilation)
    {
        SyntaxTree last = compilation.SyntaxTrees.Last(tree => tree.FilePath.StartsWith("Util", StringComparison.Ordinal));
        return compilation.ReplaceSyntaxTree(last, CSharpSyntaxTree.ParseText(last.GetText(), (CSharpParseOptions)last.Options, last.FilePath));
    }

    private sealed class AttributeLookupOnly : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterSourceOutput(
                context.SyntaxProvider.ForAttributeWithMetadataName(
                    "A2A.Agents.A2AAgentAttribute",
                    static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                    static (_, _) => 0),
                static (_, _) => { });
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, int index, string text, CSharpParseOptions parse)
    {
        SyntaxTree old = compilation.SyntaxTrees[index];
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, parse, old.FilePath));
    }

    internal static string AgentSource(int i, string reply) => $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using A2A.Agents;
        using A2A.Lifecycle;

        namespace Corpus.Agents{{i % 20}};

        public sealed record Result{{i}}(string Text, int Score);

        [A2AAgent("Agent {{i}}", Description = "Benchmark agent {{i}}", OptionalStates = (OptionalTaskStates){{i % 8}})]
        [A2ASkill("skill{{i}}", "Skill {{i}}", Tags = new[] { "bench" })]
        [A2AArtifact(typeof(Result{{i}}))]
        public partial class Agent{{i}}
        {
            public async Task ExecuteAsync(Agent{{i}}Context context, CancellationToken cancellationToken)
            {
                await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
                await context.Updater.CompleteAsync("{{reply}}", cancellationToken);
            }
        }
        """;

    internal static string UnrelatedSource(int i, int factor) => $$"""
        namespace Corpus.Util{{i % 20}};

        public static class Util{{i}}
        {
            public static int Scale(int x) => x * {{factor}};

            public static string Describe(int x)
            {
                var parts = new System.Collections.Generic.List<string>();
                for (int k = 0; k < x; k++)
                {
                    parts.Add(k % 2 == 0 ? "even" : "odd");
                }

                return string.Join(",", parts);
            }
        }
        """;
}
