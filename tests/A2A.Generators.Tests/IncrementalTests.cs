using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace A2A.Generators.Tests;

/// <summary>
/// The pipeline's cache behavior per edit scenario, step by step (riok/mapperly's approach): an unrelated edit and a
/// handler-body edit regenerate nothing; an attribute change, an added and a removed agent touch only that agent.
/// </summary>
/// <remarks>
/// ForAttributeWithMetadataName re-runs its transform for every match whenever the compilation changes (semantic
/// facts can change with any edit), so <see cref="TrackingNames.ParsedAgents"/> reports <c>Unchanged</c> for agents the
/// edit did not touch. That is where the equatable model earns its keep: every step after it is <c>Cached</c>.
/// </remarks>
public class IncrementalTests
{
    private const string AgentA = """
        using System.Threading;
        using System.Threading.Tasks;
        using A2A.Agents;
        namespace Demo;
        [A2AAgent("Alpha")]
        public partial class AlphaAgent
        {
            public Task ExecuteAsync(AlphaAgentContext context, CancellationToken cancellationToken) => context.Updater.CompleteAsync("a", cancellationToken);
        }
        """;

    private const string AgentB = """
        using A2A.Agents;
        namespace Demo;
        [A2AAgent("Beta")]
        public interface IBetaAgent { }
        """;

    private const string Unrelated = """
        namespace Demo;
        public static class Util { public static int Twice(int x) => x * 2; }
        """;

    [Fact]
    public void An_unrelated_edit_regenerates_nothing()
    {
        (Dictionary<string, List<IncrementalStepRunReason>> steps, _) = RunEdit(c => Replace(c, 2, Unrelated.Replace("x * 2", "x + x", StringComparison.Ordinal)));
        AssertAll(steps, TrackingNames.ParsedAgents, IncrementalStepRunReason.Unchanged);
        AssertAll(steps, TrackingNames.Agents, IncrementalStepRunReason.Cached);
        AssertAll(steps, TrackingNames.ClashingNames, IncrementalStepRunReason.Cached);
        AssertAll(steps, TrackingNames.AgentsWithOptions, IncrementalStepRunReason.Cached);
        AssertAll(steps, TrackingNames.Hosting, IncrementalStepRunReason.Unchanged);
        AssertAll(steps, "SourceOutput", IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void A_handler_body_edit_reparses_that_agent_but_regenerates_nothing()
    {
        (Dictionary<string, List<IncrementalStepRunReason>> steps, _) = RunEdit(c => Replace(c, 0, AgentA.Replace("\"a\"", "\"changed\"", StringComparison.Ordinal)));
        AssertAll(steps, TrackingNames.ParsedAgents, IncrementalStepRunReason.Unchanged);
        AssertAll(steps, TrackingNames.Agents, IncrementalStepRunReason.Cached);
        AssertAll(steps, TrackingNames.AgentsWithOptions, IncrementalStepRunReason.Cached);
        AssertAll(steps, "SourceOutput", IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void An_attribute_change_regenerates_only_that_agent()
    {
        (Dictionary<string, List<IncrementalStepRunReason>> steps, GeneratorRunResult result) = RunEdit(c => Replace(c, 0, AgentA.Replace("\"Alpha\"", "\"Alpha 2\"", StringComparison.Ordinal)));
        Assert.Equal([IncrementalStepRunReason.Modified, IncrementalStepRunReason.Unchanged], steps[TrackingNames.ParsedAgents]);
        Assert.Equal([IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached], steps[TrackingNames.Agents]);
        Assert.Equal([IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached], steps[TrackingNames.AgentsWithOptions]);
        AssertAll(steps, TrackingNames.ClashingNames, IncrementalStepRunReason.Cached); // only hint names are collected, and they did not change
        Assert.Contains("Alpha 2", result.GeneratedSources.Single(s => s.HintName.StartsWith("Demo.AlphaAgent", StringComparison.Ordinal)).SourceText.ToString());
    }

    [Fact]
    public void An_added_agent_is_new_and_the_others_are_cached()
    {
        const string gamma = """
            using A2A.Agents;
            namespace Demo;
            [A2AAgent("Gamma")]
            public interface IGammaAgent { }
            """;
        (Dictionary<string, List<IncrementalStepRunReason>> steps, GeneratorRunResult result) = RunEdit(c => c.AddSyntaxTrees(Parse(gamma, c, "Gamma.cs")));
        Assert.Equal([IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.New], steps[TrackingNames.ParsedAgents]);
        Assert.Contains(IncrementalStepRunReason.New, steps[TrackingNames.AgentsWithOptions]);
        Assert.DoesNotContain(IncrementalStepRunReason.Modified, steps[TrackingNames.AgentsWithOptions]);
        Assert.Equal(3, result.GeneratedSources.Length);
    }

    [Fact]
    public void A_removed_agent_is_removed_and_the_others_are_cached()
    {
        (Dictionary<string, List<IncrementalStepRunReason>> steps, GeneratorRunResult result) = RunEdit(c => c.RemoveSyntaxTrees(c.SyntaxTrees.ElementAt(1)));
        Assert.Equal([IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Removed], steps[TrackingNames.ParsedAgents]);
        Assert.Contains(IncrementalStepRunReason.Removed, steps[TrackingNames.AgentsWithOptions]);
        Assert.DoesNotContain(IncrementalStepRunReason.Modified, steps[TrackingNames.AgentsWithOptions]);
        Assert.Equal("Demo.AlphaAgent.A2A.g.cs", Assert.Single(result.GeneratedSources).HintName);
    }

    [Fact]
    public void No_pipeline_output_holds_a_Roslyn_symbol_syntax_location_or_compilation()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation([GoldenFileTests.Input("SeveralArtifacts"), GoldenFileTests.Input("NestedTypes"), AgentB]);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(compilation, trackSteps: true).RunGenerators(compilation);
        GeneratorRunResult result = AgentResult(driver);

        int walked = 0;
        foreach (string step in new[] { TrackingNames.Agents, TrackingNames.ClashingNames, TrackingNames.AgentsWithOptions, TrackingNames.Hosting })
        {
            foreach (IncrementalGeneratorRunStep run in result.TrackedSteps[step])
            {
                foreach ((object value, IncrementalStepRunReason _) in run.Outputs)
                {
                    AssertNoRoslynObjects(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
                    walked++;
                }
            }
        }

        Assert.True(walked >= 7, $"walked only {walked} outputs");
    }

    private static (Dictionary<string, List<IncrementalStepRunReason>> Steps, GeneratorRunResult Result) RunEdit(Func<CSharpCompilation, CSharpCompilation> edit)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation([AgentA, AgentB, Unrelated]);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(compilation, trackSteps: true).RunGenerators(compilation);
        driver = driver.RunGenerators(edit(compilation));
        GeneratorRunResult result = AgentResult(driver);
        var steps = result.TrackedSteps.ToDictionary(
            pair => pair.Key,
            pair => pair.Value.SelectMany(step => step.Outputs.Select(output => output.Reason)).ToList());
        foreach ((string name, IncrementalStepRunReason reason) in result.TrackedOutputSteps.SelectMany(pair => pair.Value.SelectMany(s => s.Outputs.Select(o => (pair.Key, o.Reason)))))
        {
            if (!steps.TryGetValue(name, out List<IncrementalStepRunReason>? list))
            {
                steps[name] = list = [];
            }

            list.Add(reason);
        }

        return (steps, result);
    }

    private static GeneratorRunResult AgentResult(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single(r => r.Generator.GetGeneratorType() == typeof(AgentGenerator));

    private static CSharpCompilation Replace(CSharpCompilation compilation, int index, string text)
    {
        SyntaxTree old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, Parse(text, compilation, old.FilePath));
    }

    private static SyntaxTree Parse(string text, CSharpCompilation compilation, string path) =>
        CSharpSyntaxTree.ParseText(text, (CSharpParseOptions)compilation.SyntaxTrees.First().Options, path);

    private static void AssertAll(Dictionary<string, List<IncrementalStepRunReason>> steps, string step, IncrementalStepRunReason expected)
    {
        Assert.True(steps.ContainsKey(step), $"step {step} did not run; steps: {string.Join(", ", steps.Keys)}");
        Assert.NotEmpty(steps[step]);
        Assert.True(steps[step].All(r => r == expected), $"{step}: expected all {expected}, got {string.Join(", ", steps[step])}");
    }

    private static void AssertNoRoslynObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxTree or Location or Compilation or SemanticModel or SyntaxToken or AttributeData,
            $"{path} holds a {value.GetType().Name}");

        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (object? item in items)
            {
                AssertNoRoslynObjects(item, $"{path}[{i++}]", seen);
            }
        }

        for (Type? type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertNoRoslynObjects(field.GetValue(value), $"{path}.{field.Name}", seen);
            }
        }
    }
}
