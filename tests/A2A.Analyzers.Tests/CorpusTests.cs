using A2A.Analyzers.Tests.Verifiers;

namespace A2A.Analyzers.Tests;

/// <summary>
/// The handler corpus (Corpus/Right, Corpus/Wrong), one complete file per case. Right: realistic handlers that
/// compile and draw no A2A diagnostic at all. Wrong: each file marks its exact expected diagnostics
/// (<c>{|A2A1001:span|}</c>), every rule compared, and compiles otherwise (a wrong declaration still gets its
/// generated types, so the build reaches the analyzers). The golden agents of the generator tests are correct code as
/// well.
/// </summary>
public class CorpusTests
{
    public static TheoryData<string> Right() => Files("Right");

    public static TheoryData<string> Wrong() => Files("Wrong");

    [Theory]
    [MemberData(nameof(Right))]
    public Task Right_handler_has_no_diagnostics(string file) => AllA2AAnalyzersTest.VerifyAsync(Read("Right", file));

    [Theory]
    [MemberData(nameof(Wrong))]
    public Task Wrong_handler_has_exactly_its_marked_diagnostics(string file) => AllA2AAnalyzersTest.VerifyAsync(Read("Wrong", file));

    public static TheoryData<string> GoldenAgents() => new(
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"), "Agent.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(AppContext.BaseDirectory, path))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(GoldenAgents))]
    public Task Golden_agent_has_no_diagnostics(string file) => AllA2AAnalyzersTest.VerifyAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, file)));

    [Fact]
    public void The_corpus_has_at_least_30_right_and_30_wrong_cases()
    {
        Assert.True(Right().Count >= 30, $"{Right().Count} right cases");
        Assert.True(Wrong().Count >= 30, $"{Wrong().Count} wrong cases");
        Assert.True(GoldenAgents().Count >= 6, $"{GoldenAgents().Count} golden agents");
        foreach (string file in Names("Wrong"))
        {
            Assert.Contains("{|A2A", Read("Wrong", file));
        }
    }

    private static string Read(string kind, string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", kind, file));

    private static TheoryData<string> Files(string kind) => new(Names(kind));

    private static IEnumerable<string> Names(string kind) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus", kind), "*.cs").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal);
}
