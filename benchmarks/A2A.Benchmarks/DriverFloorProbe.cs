using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace A2A.Benchmarks;

#pragma warning disable RS1001, RS1036, RS1041, RS2008

/// <summary>
/// What registering one kind of analyzer action costs by itself on the benchmark corpus (the analyzer does nothing
/// in it), in interleaved rounds: tells which action kinds an analyzer can afford.
/// Run: dotnet run -c Release --project benchmarks/A2A.Benchmarks -- driver-floor [rounds]
/// </summary>
internal static class DriverFloorProbe
{
    public static void Run(int rounds)
    {
        var corpus = new GeneratorBenchmarks();
        corpus.Setup();
        string[] kinds = ["none", "SyntaxTree", "SemanticModel", "SemanticModel+CompilationEnd", "Symbol", "SyntaxNode", "CodeBlock", "Operation"];
        var times = kinds.ToDictionary(k => k, _ => new List<double>());
        for (int round = 0; round <= rounds; round++)
        {
            foreach (string kind in kinds)
            {
                var watch = Stopwatch.StartNew();
                Compilation compilation = GeneratorBenchmarks.Fresh(corpus.WithGenerated);
                _ = kind == "none"
                    ? compilation.GetDiagnostics()
                    : compilation.WithAnalyzers([new OneAction(kind)]).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
                if (round > 0)
                {
                    times[kind].Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }

        double baseline = AnalyzerBenchmarks.Median(times["none"]);
        Console.WriteLine($"| Registered action ({rounds} interleaved rounds, medians) | Time | Ratio to no analyzers |");
        Console.WriteLine("| --- | --- | --- |");
        foreach (string kind in kinds)
        {
            Console.WriteLine($"| {kind} | {AnalyzerBenchmarks.Median(times[kind]):F0} ms | {AnalyzerBenchmarks.Median(times[kind]) / baseline:F2} |");
        }
    }

    private sealed class OneAction(string kind) : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("PROBE0001", "never reported", "never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Never];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            switch (kind)
            {
                case "SyntaxTree": context.RegisterSyntaxTreeAction(_ => { }); break;
                case "SemanticModel": context.RegisterSemanticModelAction(_ => { }); break;
                case "Symbol": context.RegisterSymbolAction(_ => { }, SymbolKind.NamedType); break;
                case "SyntaxNode": context.RegisterSyntaxNodeAction(_ => { }, Microsoft.CodeAnalysis.CSharp.SyntaxKind.InvocationExpression); break;
                case "CodeBlock": context.RegisterCodeBlockAction(_ => { }); break;
                case "Operation": context.RegisterOperationAction(_ => { }, OperationKind.Invocation); break;
                case "SemanticModel+CompilationEnd":
                    context.RegisterCompilationStartAction(start =>
                    {
                        start.RegisterSemanticModelAction(_ => { });
                        start.RegisterCompilationEndAction(_ => { });
                    });
                    break;
            }
        }
    }
}
