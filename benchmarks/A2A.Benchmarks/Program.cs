using BenchmarkDotNet.Running;

// Run all:     dotnet run -c Release --project benchmarks/A2A.Benchmarks -- --filter '*'
// Run one:     dotnet run -c Release --project benchmarks/A2A.Benchmarks -- --filter '*Lifecycle*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
