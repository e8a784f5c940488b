using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

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

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_source_matches_the_golden_files(string name)
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation([Input(name)]));
        Assert.NotEmpty(run.Generated);
        bool update = Environment.GetEnvironmentVariable("A2A_UPDATE_GOLDEN") == "1";

        // Compare against the copies in the output folder; write updates to the source folder.
        string folder = Path.Combine(update ? ProjectDirectory() : AppContext.BaseDirectory, "Golden", name);
        foreach ((string hintName, string text) in run.Generated)
        {
            string path = Path.Combine(folder, hintName);
            if (update)
            {
                File.WriteAllText(path, text);
                continue;
            }

            Assert.True(File.Exists(path), $"No golden file {hintName} for case {name}; run with A2A_UPDATE_GOLDEN=1 to create it.");
            Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), text);
        }

        Assert.Equal(
            Directory.GetFiles(folder, "*.g.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal),
            run.Generated.Select(g => g.HintName));
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
