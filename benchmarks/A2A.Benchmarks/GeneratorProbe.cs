using System.Diagnostics;
using Microsoft.CodeAnalysis;

namespace A2A.Benchmarks;

/// <summary>
/// The <see cref="GeneratorBenchmarks"/> operations in interleaved rounds, reported as medians with the allocations
/// of each: on this shared machine a slow phase then hits every operation alike, which BenchmarkDotNet's
/// one-benchmark-after-another order cannot offer. The <c>loop</c> mode repeats one operation for a profiler.
/// Run: dotnet run -c Release --project benchmarks/A2A.Benchmarks -- generator-rounds [rounds]
///      dotnet run -c Release --project benchmarks/A2A.Benchmarks -- generator-loop [operation] [seconds]
/// </summary>
internal static class GeneratorProbe
{
    private static readonly string[] Operations =
    [
        nameof(GeneratorBenchmarks.BindWholeCompilation),
        nameof(GeneratorBenchmarks.GeneratorFirstRun),
        nameof(GeneratorBenchmarks.GeneratorRerunAfterUnrelatedEdit),
        nameof(GeneratorBenchmarks.GeneratorRerunAfterHandlerEdit),
        nameof(GeneratorBenchmarks.AttributeLookupFloor),
        nameof(GeneratorBenchmarks.AttributeLookupFloorFirstRun),
    ];

    public static void Rounds(int rounds)
    {
        var corpus = new GeneratorBenchmarks();
        corpus.Setup();
        var times = Operations.ToDictionary(o => o, _ => new List<double>());
        var bytes = Operations.ToDictionary(o => o, _ => new List<double>());
        for (int round = 0; round <= rounds; round++)
        {
            foreach (string operation in Operations)
            {
                Action run = Operation(corpus, operation);
                GC.Collect();
                GC.WaitForPendingFinalizers();
                long allocated = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                run();
                watch.Stop();
                if (round > 0)
                {
                    times[operation].Add(watch.Elapsed.TotalMilliseconds);
                    bytes[operation].Add((GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0);
                }
            }

            Console.Error.WriteLine($"round {round} done");
        }

        double bind = AnalyzerBenchmarks.Median(times[Operations[0]]);
        double first = AnalyzerBenchmarks.Median(times[Operations[1]]);
        Console.WriteLine($"| Operation ({rounds} interleaved rounds, medians) | Time | Min | Max | of binding | of first run | Allocated |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (string operation in Operations)
        {
            double median = AnalyzerBenchmarks.Median(times[operation]);
            Console.WriteLine($"| {operation} | {median:F0} ms | {times[operation].Min():F0} | {times[operation].Max():F0} | {median / bind:P1} | {median / first:P1} | {AnalyzerBenchmarks.Median(bytes[operation]):F1} MB |");
        }
    }

    public static void Loop(string operation, double seconds)
    {
        var corpus = new GeneratorBenchmarks();
        corpus.Setup();
        Action run = Operation(corpus, operation);
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        int count = 0;
        for (; watch.Elapsed.TotalSeconds < seconds; count++)
        {
            run();
        }

        double megabytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0 / count;
        Console.WriteLine($"{operation}: {count} runs, {watch.Elapsed.TotalMilliseconds / count:F0} ms and {megabytes:F1} MB each");
    }

    private static Action Operation(GeneratorBenchmarks corpus, string name) => name switch
    {
        nameof(GeneratorBenchmarks.BindWholeCompilation) => () => corpus.BindWholeCompilation(),
        nameof(GeneratorBenchmarks.GeneratorFirstRun) => () => corpus.GeneratorFirstRun(),
        nameof(GeneratorBenchmarks.GeneratorRerunAfterUnrelatedEdit) => () => corpus.GeneratorRerunAfterUnrelatedEdit(),
        nameof(GeneratorBenchmarks.GeneratorRerunAfterHandlerEdit) => () => corpus.GeneratorRerunAfterHandlerEdit(),
        nameof(GeneratorBenchmarks.AttributeLookupFloor) => () => corpus.AttributeLookupFloor(),
        nameof(GeneratorBenchmarks.AttributeLookupFloorFirstRun) => () => corpus.AttributeLookupFloorFirstRun(),
        _ => throw new ArgumentException($"Unknown operation '{name}'. Known: {string.Join(", ", Operations)}."),
    };
}
