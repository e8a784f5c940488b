using System.Collections.Immutable;
using System.Diagnostics;
using A2A.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace A2A.Benchmarks;

/// <summary>
/// The analyzer driver's own telemetry on the <see cref="AnalyzerBenchmarks"/> corpus: how long each A2A analyzer's
/// callbacks ran, next to the compile time without analyzers and with an empty analyzer, measured in interleaved
/// rounds (so a slow phase of this noisy machine hits every variant alike) and reported as medians.
/// Run: dotnet run -c Release --project benchmarks/A2A.Benchmarks -- analyzer-telemetry [rounds]
/// </summary>
internal static class AnalyzerTelemetry
{
    public static async Task RunAsync(int rounds)
    {
        var corpus = new GeneratorBenchmarks();
        corpus.Setup();
        ImmutableArray<DiagnosticAnalyzer> analyzers = AnalyzerBenchmarks.AllA2AAnalyzers();

        var without = new List<double>();
        var empty = new List<double>();
        var withA2A = new List<double>();
        var callbacks = new Dictionary<string, List<double>>();
        for (int round = 0; round <= rounds; round++)
        {
            bool warmup = round == 0;
            double t0 = Time(() => _ = GeneratorBenchmarks.Fresh(corpus.WithGenerated).GetDiagnostics());
            double t1 = Time(() => _ = Analyze(GeneratorBenchmarks.Fresh(corpus.WithGenerated), [new EmptyAnalyzer()], log: false));
            double t2 = Time(() => _ = Analyze(GeneratorBenchmarks.Fresh(corpus.WithGenerated), analyzers, log: false));

            // A separate run with execution-time logging (which GetAllDiagnosticsAsync does not feed).
            CompilationWithAnalyzers run = GeneratorBenchmarks.Fresh(corpus.WithGenerated).WithAnalyzers(
                analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
            _ = await run.GetAnalyzerDiagnosticsAsync();
            if (warmup)
            {
                continue;
            }

            without.Add(t0);
            empty.Add(t1);
            withA2A.Add(t2);
            foreach (DiagnosticAnalyzer analyzer in analyzers)
            {
                AnalyzerTelemetryInfo info = await run.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
                string name = analyzer.GetType().Name;
                (callbacks.TryGetValue(name, out List<double>? list) ? list : callbacks[name] = []).Add(info.ExecutionTime.TotalMilliseconds);
            }

            Console.WriteLine($"round {round}: without {t0:F0} ms, empty analyzer {t1:F0} ms, A2A analyzers {t2:F0} ms");
        }

        double baseline = AnalyzerBenchmarks.Median(without);
        Console.WriteLine();
        Console.WriteLine($"| Variant ({rounds} interleaved rounds, medians) | Time | Ratio to no analyzers |");
        Console.WriteLine("| --- | --- | --- |");
        Console.WriteLine($"| Compile without analyzers | {baseline:F0} ms | 1.00 |");
        Console.WriteLine($"| Compile with an empty analyzer (driver floor) | {AnalyzerBenchmarks.Median(empty):F0} ms | {AnalyzerBenchmarks.Median(empty) / baseline:F2} |");
        Console.WriteLine($"| Compile with the A2A analyzers | {AnalyzerBenchmarks.Median(withA2A):F0} ms | {AnalyzerBenchmarks.Median(withA2A) / baseline:F2} |");
        Console.WriteLine();
        Console.WriteLine("| Analyzer | Callback time (median, driver telemetry) | Share of compile without analyzers |");
        Console.WriteLine("| --- | --- | --- |");
        double total = 0;
        foreach ((string name, List<double> times) in callbacks.OrderByDescending(c => AnalyzerBenchmarks.Median(c.Value)))
        {
            total += AnalyzerBenchmarks.Median(times);
            Console.WriteLine($"| {name} | {AnalyzerBenchmarks.Median(times):F1} ms | {AnalyzerBenchmarks.Median(times) / baseline:P1} |");
        }

        Console.WriteLine($"| all A2A analyzers | {total:F1} ms | {total / baseline:P1} |");
    }

    private static ImmutableArray<Diagnostic> Analyze(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, bool log)
    {
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: log);
        return compilation.WithAnalyzers(analyzers, options).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }
}
