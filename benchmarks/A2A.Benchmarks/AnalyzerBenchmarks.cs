using System.Collections.Immutable;
using A2A.Analyzers;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace A2A.Benchmarks;

/// <summary>
/// Every A2A analyzer over the 500-agent compilation of <see cref="GeneratorBenchmarks"/> (generated code included),
/// against compiling the same compilation without analyzers, in the same run. Each operation starts from a fresh,
/// edit-like compilation so nothing bound is reused. A third case runs an analyzer that registers the same kinds of
/// actions as ours and does nothing in them: the analyzer driver's own floor, which no rule can go below.
/// These timings swing widely on a shared machine; `analyzer-telemetry` (AnalyzerTelemetry.cs) interleaves the
/// variants and adds the driver's per-analyzer callback times.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 7)]
public class AnalyzerBenchmarks
{
    private readonly GeneratorBenchmarks _corpus = new();
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;

    [GlobalSetup]
    public void Setup()
    {
        _corpus.Setup();
        _analyzers = AllA2AAnalyzers();
    }

    /// <summary>One instance of every analyzer in A2A.Analyzers.</summary>
    internal static ImmutableArray<DiagnosticAnalyzer> AllA2AAnalyzers() =>
        typeof(DiagnosticCatalog).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>The median of interleaved timing rounds (the probes report medians: this machine is noisy).</summary>
    internal static double Median(List<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    [Benchmark(Baseline = true)]
    public int CompileWithoutAnalyzers() => GeneratorBenchmarks.Fresh(_corpus.WithGenerated).GetDiagnostics().Length;

    [Benchmark]
    public int CompileWithEmptyAnalyzer() =>
        GeneratorBenchmarks.Fresh(_corpus.WithGenerated).WithAnalyzers([new EmptyAnalyzer()]).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;

    [Benchmark]
    public int CompileWithA2AAnalyzers() =>
        GeneratorBenchmarks.Fresh(_corpus.WithGenerated).WithAnalyzers(_analyzers).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;
}

// A benchmark fixture handed to CompilationWithAnalyzers directly, never loaded by a compiler.
#pragma warning disable RS1001, RS1036, RS1041, RS2008

/// <summary>Registers what the A2A analyzers register (a semantic-model action, a compilation-end action) and does nothing in them.</summary>
internal sealed class EmptyAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("EMPTY0001", "never reported", "never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Never];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            start.RegisterSemanticModelAction(_ => { });
            start.RegisterCompilationEndAction(_ => { });
        });
    }
}
