using System.Text;
using A2A.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace A2A.Generators.Tests;

/// <summary>
/// The generated source of six representative agents is checked in under Golden/&lt;case&gt;/. To accept a deliberate
/// change, run the tests with A2A_UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public class GoldenFileTests
{
    public static TheoryData<string> Cases => new(["Minimal", "AllOptionalStates", "SeveralArtifacts", "NestedTypes", "ContractInterface", "UserJsonContext"]);

    public static TheoryData<string, NullableContextOptions, LanguageVersion> CompileMatrix()
    {
        var data = new TheoryData<string, NullableContextOptions, LanguageVersion>();
        foreach (string name in Cases)
        {
            foreach (NullableContextOptions nullable in new[] { NullableContextOptions.Enable, NullableContextOptions.Disable })
            {
                foreach (LanguageVersion version in new[] { LanguageVersion.CSharp12, LanguageVersion.Latest })
                {
                    data.Add(name, nullable, version);
                }
            }
        }

        return data;
    }

    /// <summary>
    /// On the Roslyn testing package: the generator's output for the case's Agent.cs must be exactly the golden
    /// files, no more and no fewer, and compile. The case with a user JsonSerializerContext needs System.Text.Json's
    /// generator as well to compile; its compilation is checked by the compile matrix below instead.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Generated_source_matches_the_golden_files(string name)
    {
        if (Environment.GetEnvironmentVariable("A2A_UPDATE_GOLDEN") == "1")
        {
            UpdateGoldenFiles(name);
            return;
        }

        string folder = Path.Combine(AppContext.BaseDirectory, "Golden", name);
        var test = new CSharpSourceGeneratorTest<AgentGenerator, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.Net10,
            CompilerDiagnostics = name == "UserJsonContext" ? CompilerDiagnostics.None : CompilerDiagnostics.Errors,
        };
        test.TestState.Sources.Add(("Agent.cs", Input(name)));
        test.TestState.AdditionalReferences.AddRange(TestReferences.All());
        foreach (string golden in Directory.GetFiles(folder, "*.g.cs").Order(StringComparer.Ordinal))
        {
            test.TestState.GeneratedSources.Add((typeof(AgentGenerator), Path.GetFileName(golden), SourceText.From(File.ReadAllText(golden), Encoding.UTF8)));
        }

        Assert.NotEmpty(test.TestState.GeneratedSources);
        await test.RunAsync();
    }

    // A2A_UPDATE_GOLDEN=1 rewrites the golden files in the source folder from the generator's current output.
    private static void UpdateGoldenFiles(string name)
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation([Input(name)]));
        string folder = Path.Combine(ProjectDirectory(), "Golden", name);
        foreach (string stale in Directory.GetFiles(folder, "*.g.cs"))
        {
            File.Delete(stale);
        }

        foreach ((string hintName, string text) in run.Generated)
        {
            File.WriteAllText(Path.Combine(folder, hintName), text);
        }
    }

    [Theory]
    [MemberData(nameof(CompileMatrix))]
    public void Generated_code_compiles_without_warnings(string name, NullableContextOptions nullable, LanguageVersion version)
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation([Input(name)], nullable, version));
        Assert.NotEmpty(run.Generated);
        Assert.True(!run.WarningsAndErrors.Any(), string.Join("\n", run.WarningsAndErrors.Select(d => d.ToString())));
    }

    [Fact]
    public void Without_dependency_injection_referenced_no_registration_is_emitted()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation([Input("Minimal")], dependencyInjection: false));
        Assert.Empty(run.WarningsAndErrors.Select(d => d.ToString()));
        Assert.DoesNotContain("ServiceCollectionExtensions", run.Generated.Single().Text);
    }

    internal static string Input(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", name, "Agent.cs"));

    // Found from the output folder rather than [CallerFilePath], which CI's deterministic build maps to /_/.
    private static string ProjectDirectory()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "A2A.Generators.Tests.csproj")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("A2A_UPDATE_GOLDEN=1 needs the test project's source folder above the output folder.");
    }
}
