using A2A.Benchmarks;
using BenchmarkDotNet.Running;

// Run all:     dotnet run -c Release --project benchmarks/A2A.Benchmarks -- --filter '*'
// Run one:     dotnet run -c Release --project benchmarks/A2A.Benchmarks -- --filter '*Lifecycle*'
// Analyzer driver telemetry (per-analyzer callback time, interleaved rounds):
//              dotnet run -c Release --project benchmarks/A2A.Benchmarks -- analyzer-telemetry 9
// Analyzer driver floor per registered action kind:
//              dotnet run -c Release --project benchmarks/A2A.Benchmarks -- driver-floor 5
if (args is ["analyzer-telemetry", ..])
{
    await AnalyzerTelemetry.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 9);
    return;
}

// Memory under sustained load, with and without retention:
//              dotnet run -c Release --project benchmarks/A2A.Benchmarks -- soak 200000
if (args is ["soak", ..])
{
    await SoakProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200_000);
    return;
}

// The server processes of the wire and server benchmarks (they print "listening PORT" and serve until stdin closes):
//              dotnet run -c Release --project benchmarks/A2A.Benchmarks -- serve-trivial [memory|sqlite-full|sqlite-normal|postgres CONNECTION]
//              dotnet run -c Release --project benchmarks/A2A.Benchmarks -- serve-floor
if (args is ["serve-trivial", ..])
{
    await BenchmarkServers.ServeTrivialAsync(args.Length > 1 ? args[1] : "memory", args.Length > 2 ? args[2] : null);
    return;
}

if (args is ["serve-floor"])
{
    await BenchmarkServers.ServeFloorAsync();
    return;
}

if (args is ["driver-floor", ..])
{
    DriverFloorProbe.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
    return;
}

if (args is ["generator-rounds", ..])
{
    GeneratorProbe.Rounds(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 9);
    return;
}

if (args is ["generator-loop", ..])
{
    GeneratorProbe.Loop(args.Length > 1 ? args[1] : "GeneratorRerunAfterUnrelatedEdit", args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 30);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
