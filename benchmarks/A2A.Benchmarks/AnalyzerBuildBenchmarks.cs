using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace A2A.Benchmarks;

/// <summary>
/// Compile time as a user sees it: <c>dotnet build</c> of a real project (the 500 agents and 500 unrelated files of
/// <see cref="GeneratorBenchmarks"/>) with the A2A generator, with and without the A2A analyzers, in the same run.
/// Each build first touches one source file so the compiler really runs (the compiler server stays warm, as in an
/// edit-build loop). Unlike <see cref="AnalyzerBenchmarks"/>, the analyzers share the compiler's own binding here,
/// which is how csc runs them.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 7)]
public class AnalyzerBuildBenchmarks
{
    private string _project = null!;
    private int _edits;

    [GlobalSetup]
    public void Setup()
    {
        string dir = Path.Combine(Path.GetTempPath(), "a2a-analyzer-build-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        for (int i = 0; i < 500; i++)
        {
            File.WriteAllText(Path.Combine(dir, $"Agent{i}.cs"), GeneratorBenchmarks.AgentSource(i, "done"));
            File.WriteAllText(Path.Combine(dir, $"Util{i}.cs"), GeneratorBenchmarks.UnrelatedSource(i, 2));
        }

        string bin = Path.GetDirectoryName(typeof(AnalyzerBuildBenchmarks).Assembly.Location)!;
        string runtime = typeof(A2A.Tasks.TaskManager).Assembly.Location;
        string generator = Path.Combine(bin, "A2A.Generators.dll");
        string analyzers = Path.Combine(bin, "A2A.Analyzers.dll");
        _project = Path.Combine(dir, "Agents.csproj");
        File.WriteAllText(_project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <NoWarn>$(NoWarn);CS1591</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{runtime}" />
                <Analyzer Include="{generator}" />
                <Analyzer Include="{analyzers}" Condition="'$(A2AAnalyzers)' != 'false'" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(dir, "Directory.Packages.props"), "<Project />");
        Run("restore");
        Build(true);
    }

    [Benchmark(Baseline = true)]
    public void BuildWithoutAnalyzers() => Build(analyzers: false);

    [Benchmark]
    public void BuildWithA2AAnalyzers() => Build(analyzers: true);

    private void Build(bool analyzers)
    {
        // A real edit, so that csc runs: the last unrelated file gets a new comment.
        string file = Path.Combine(Path.GetDirectoryName(_project)!, "Util499.cs");
        File.WriteAllText(file, GeneratorBenchmarks.UnrelatedSource(499, 2) + $"\n// edit {++_edits}\n");
        Run($"build --no-restore -nologo -v:q -p:A2AAnalyzers={(analyzers ? "true" : "false")}");
    }

    private void Run(string arguments)
    {
        var start = new ProcessStartInfo("dotnet", $"{arguments} \"{_project}\"") { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {arguments} failed:\n{output}");
        }
    }
}
