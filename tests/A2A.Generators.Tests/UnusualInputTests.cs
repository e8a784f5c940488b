namespace A2A.Generators.Tests;

/// <summary>
/// Input at the edges: the generator must never throw (an exception drops every agent's output, not just the odd
/// one's), must leave out what it cannot serve while still emitting the types user code names, and whatever it
/// emits must compile without warnings.
/// </summary>
public class UnusualInputTests
{
    private const string Usings = """
        using System.Threading;
        using System.Threading.Tasks;
        using A2A.Agents;

        """;

    private const string Bystander = """

        [A2AAgent("Bystander")]
        public partial class Bystander
        {
            public Task ExecuteAsync(BystanderContext context, CancellationToken cancellationToken) => context.Updater.CompleteAsync("ok", cancellationToken);
        }
        """;

    public static TheoryData<string, string[]> Clashes => new()
    {
        {
            """
            public partial class Outer
            {
                [A2AAgent("Inner")]
                public partial class Inner { public Task ExecuteAsync(OuterInnerContext context, CancellationToken cancellationToken) => Task.CompletedTask; }
            }

            [A2AAgent("Joined")]
            public partial class OuterInner { public Task ExecuteAsync(OuterInnerContext context, CancellationToken cancellationToken) => Task.CompletedTask; }
            """,
            ["Demo.OuterInner.A2A.g.cs"]
        },
        {
            """
            [A2AAgent("Planner contract")]
            public interface ITripPlanner { }

            [A2AAgent("Planner")]
            public partial class TripPlanner { public Task ExecuteAsync(TripPlannerContext context, CancellationToken cancellationToken) => Task.CompletedTask; }
            """,
            ["Demo.TripPlanner.A2A.g.cs"]
        },
        {
            // Different types to C#, but one generated file name to Roslyn, which compares hint names ignoring case.
            """
            [A2AAgent("Upper")]
            public partial class Helper { public Task ExecuteAsync(HelperContext context, CancellationToken cancellationToken) => Task.CompletedTask; }

            [A2AAgent("Lower")]
            public partial class helper { public Task ExecuteAsync(helperContext context, CancellationToken cancellationToken) => Task.CompletedTask; }
            """,
            ["Demo.Helper.A2A.g.cs"]
        },
    };

    [Theory]
    [MemberData(nameof(Clashes))]
    public void Of_agents_whose_generated_names_clash_only_the_first_is_generated(string agents, string[] generated)
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation([Usings + "namespace Demo;\n" + agents + Bystander]));

        // One file per clash (never two under one hint name, which would make AddSource throw and drop everything),
        // and the bystander; no generator failure.
        Assert.Equal(generated.Append("Demo.Bystander.A2A.g.cs").Order(StringComparer.Ordinal), run.Generated.Select(g => g.HintName).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(run.WarningsAndErrors, d => d.Id == "GEN");
    }

    [Fact]
    public void Line_breaks_and_markup_in_names_and_descriptions_stay_inside_comments_and_literals()
    {
        const string agent = """
            public sealed record Report(string Text);

            [A2AAgent("Multi\nline <&> \"agent\"\u2028", Description = "First line\r\nsecond <b>line</b> & \"quoted\"", Version = "1.0\n-beta")]
            [A2ASkill("s\n1", "Skill\r\none", Description = "d\u0085e", Tags = new[] { "t\n1" }, Examples = new[] { "e\"1\"" })]
            [A2AArtifact(typeof(Report), Name = "report\nv2")]
            public partial class Odd
            {
                public Task ExecuteAsync(OddContext context, CancellationToken cancellationToken) => context.Updater.CompleteAsync("ok", cancellationToken);
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation([Usings + agent]));

        Assert.True(!run.WarningsAndErrors.Any(), string.Join("\n", run.WarningsAndErrors));
        string generated = Assert.Single(run.Generated).Text;
        Assert.Contains("Name = \"Multi\\nline <&> \\\"agent\\\"\\u2028\",", generated);
        Assert.Contains("/// <summary>The agent card of the <c>Multi line &lt;&amp;&gt; \"agent\" </c> agent, built from its attributes.</summary>", generated);
    }

    [Fact]
    public void Record_agents_and_agents_nested_in_records_structs_and_interfaces_compile_cleanly()
    {
        const string agents = """
            [A2AAgent("Record")]
            public partial record RecordAgent
            {
                public Task ExecuteAsync(RecordAgentContext context, CancellationToken cancellationToken) => context.Updater.CompleteAsync("ok", cancellationToken);
            }

            public partial record OuterRecord
            {
                [A2AAgent("In record")]
                public partial class Inner { public Task ExecuteAsync(OuterRecordInnerContext context, CancellationToken cancellationToken) => Task.CompletedTask; }
            }

            public partial struct OuterStruct
            {
                [A2AAgent("In struct")]
                public partial class Inner { public Task ExecuteAsync(OuterStructInnerContext context, CancellationToken cancellationToken) => Task.CompletedTask; }
            }

            public partial interface IOuter
            {
                [A2AAgent("In interface")]
                public partial class Inner { public Task ExecuteAsync(IOuterInnerContext context, CancellationToken cancellationToken) => Task.CompletedTask; }
            }

            public static class Uses
            {
                public static IRecordAgentHandler Handler() => new RecordAgent();
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation([Usings + agents]));

        Assert.True(!run.WarningsAndErrors.Any(), string.Join("\n", run.WarningsAndErrors));
        Assert.Equal(4, run.Generated.Length);
        Assert.Contains("partial record RecordAgent : IRecordAgentHandler", run.Generated.Single(g => g.HintName == "RecordAgent.A2A.g.cs").Text);
    }

    // A file-local type is invisible to the generated file; the generator skips it (A2A0004 reports it).
    [Fact]
    public void A_file_local_agent_is_skipped()
    {
        const string agent = """
            [A2AAgent("Local")]
            file partial class LocalAgent
            {
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation([Usings + agent + Bystander]));

        Assert.True(!run.WarningsAndErrors.Any(), string.Join("\n", run.WarningsAndErrors));
        Assert.Equal("Bystander.A2A.g.cs", Assert.Single(run.Generated).HintName);
    }

    // Get{Name}() on the client manager would hide GetTask(), GetType() ... (and "task" even broke the generated
    // reads); "item" beside "item list" would define GetItemList() twice. Such artifacts are left out (A2A0004); the
    // agent and its other artifacts are still generated.
    [Theory]
    [InlineData("[A2AArtifact(typeof(Report), Name = \"task\")]")]
    [InlineData("[A2AArtifact(typeof(Report), Name = \"TaskOrThrow\")]")]
    [InlineData("[A2AArtifact(typeof(Report), Name = \"type\")]")]
    [InlineData("[A2AArtifact(typeof(Report), Name = \"hash-code\")]")]
    [InlineData("[A2AArtifact(typeof(Report), Name = \"item\")][A2AArtifact(typeof(Report), Name = \"item list\")]")]
    public void Artifact_names_whose_accessors_would_collide_are_left_out(string artifacts)
    {
        string agent = "public sealed record Report(string Text);\n[A2AAgent(\"Reports\")]" + artifacts + "\npublic interface IReports { }";
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation([Usings + agent + Bystander]));

        Assert.True(!run.WarningsAndErrors.Any(), string.Join("\n", run.WarningsAndErrors));
        Assert.Equal(["Bystander.A2A.g.cs", "Reports.A2A.g.cs"], run.Generated.Select(g => g.HintName).Order(StringComparer.Ordinal));
        // The clashing artifact is not among the generated updater methods (a kept one would be AddReportAsync, AddItemAsync).
        string reports = run.Generated.Single(g => g.HintName == "Reports.A2A.g.cs").Text;
        Assert.DoesNotContain("AddTaskAsync", reports, StringComparison.Ordinal);
        Assert.DoesNotContain("AddItemListAsync", reports, StringComparison.Ordinal);
    }

    // The handler may implement the generated interface explicitly; it is still the agent's handler (registered,
    // bindable), whether or not the class names the interface itself.
    [Theory]
    [InlineData("public partial class Echo : IEchoHandler")]
    [InlineData("public partial class Echo")]
    public void An_explicitly_implemented_handler_is_attached_and_registered(string declaration)
    {
        string agent = "[A2AAgent(\"Echo\")]\n" + declaration + """

            {
                Task IEchoHandler.ExecuteAsync(EchoContext context, CancellationToken cancellationToken) => context.Updater.CompleteAsync("done", cancellationToken);
            }

            public static class Uses
            {
                public static IEchoHandler Handler() => new Echo();
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation([Usings + agent]));

        Assert.True(!run.WarningsAndErrors.Any(), string.Join("\n", run.WarningsAndErrors));
        Assert.Contains("TryAddTransient<IEchoHandler, global::Echo>(services)", Assert.Single(run.Generated).Text);
    }
}
