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
/// edit-like compilation so nothing bound is reused.
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
        _analyzers = typeof(DiagnosticCatalog).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
    }

    [Benchmark(Baseline = true)]
    public int CompileWithoutAnalyzers() => GeneratorBenchmarks.Fresh(_corpus.WithGenerated).GetDiagnostics().Length;

    [Benchmark]
    public int CompileWithA2AAnalyzers() =>
        GeneratorBenchmarks.Fresh(_corpus.WithGenerated).WithAnalyzers(_analyzers).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;
}
