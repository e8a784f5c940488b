using A2A.Generators.Parse;
using Microsoft.CodeAnalysis;

namespace A2A.Generators.Tests;

/// <summary>
/// The parser writes namespaces and artifact type names itself instead of through Roslyn's display machinery (which
/// cost a few percent of every generator run); these pin its output to what that machinery writes.
/// </summary>
public class NameTests
{
    private const string Types = """
        namespace Plain { public class Result { public class Inner { } } }
        namespace Corp.@event.@class { public record Note(string Text); public class @object { } }
        namespace Corp.record.var { public class Shape { } }
        namespace Generic { public class Box<T> { public class Item { } } public class Pair<A, B> { } }
        public class TopLevel { }
        """;

    public static TheoryData<string> TypeNames => new()
    {
        "Plain.Result", "Plain.Result+Inner", "Corp.event.class.Note", "Corp.event.class.object", "Corp.record.var.Shape",
        "Generic.Box`1", "Generic.Box`1+Item", "Generic.Pair`2", "TopLevel",
    };

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Fully_qualified_names_match_Roslyns_display(string metadataName)
    {
        Compilation compilation = GeneratorHarness.CreateCompilation([Types]);
        INamedTypeSymbol type = compilation.GetTypeByMetadataName(metadataName) ?? throw new InvalidOperationException(metadataName);

        Assert.Equal(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), AgentParser.FullyQualifiedName(type));
        Assert.Equal(type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(), AgentParser.NamespaceName(type.ContainingNamespace));
    }

    [Fact]
    public void Special_types_keep_their_keyword()
    {
        Compilation compilation = GeneratorHarness.CreateCompilation([Types]);
        Assert.Equal("string", AgentParser.FullyQualifiedName(compilation.GetSpecialType(SpecialType.System_String)));
        Assert.Equal("int", AgentParser.FullyQualifiedName(compilation.GetSpecialType(SpecialType.System_Int32)));
    }

    [Fact]
    public void Agents_and_artifacts_named_with_keywords_compile_cleanly()
    {
        const string agent = """
            using System.Threading;
            using System.Threading.Tasks;
            using A2A.Agents;

            namespace Corp.@event.Agents;

            public sealed record @class(string Text);

            [A2AAgent("Keywords")]
            [A2AArtifact(typeof(@class))]
            public partial class Keywords
            {
                public Task ExecuteAsync(KeywordsContext context, CancellationToken cancellationToken) =>
                    context.Updater.CompleteAsync("done", cancellationToken);
            }

            public partial class @static
            {
                [A2AAgent("Nested keywords")]
                public partial class @event
                {
                    public Task ExecuteAsync(staticeventContext context, CancellationToken cancellationToken) =>
                        context.Updater.CompleteAsync("done", cancellationToken);
                }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation([agent]));

        Assert.Empty(run.WarningsAndErrors);
        Assert.Equal(2, run.Generated.Length);
        string generated = run.Generated.Single(g => g.HintName == "Corp.event.Agents.Keywords.A2A.g.cs").Text;
        Assert.Contains("namespace Corp.@event.Agents", generated);
        Assert.Contains("global::Corp.@event.Agents.@class value", generated);
        string nested = run.Generated.Single(g => g.HintName == "Corp.event.Agents.staticevent.A2A.g.cs").Text;
        Assert.Contains("partial class @static", nested);
        Assert.Contains("partial class @event : IstaticeventHandler", nested);
    }
}
