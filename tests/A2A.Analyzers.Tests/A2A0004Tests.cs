using A2A.Analyzers.Declaration;
using A2A.Analyzers.Tests.Verifiers;
using static A2A.Analyzers.Tests.Verifiers.TestCode;

namespace A2A.Analyzers.Tests;

/// <summary>A2A0004: an agent declaration the generator cannot turn into code (the reason is in the message).</summary>
public class A2A0004Tests
{
    private static Task Verify(string markup) => A2AAnalyzerTest<AgentDeclarationAnalyzer>.VerifyAsync(markup);

    [Theory]
    [InlineData("[A2AAgent(\"\")]", "")]
    [InlineData("[A2AAgent(\"Echo\", JsonContext = typeof(string))]", "")]
    [InlineData("[A2AAgent(\"Echo\", OptionalStates = (OptionalTaskStates)8)]", "")]
    [InlineData("[A2AAgent(\"Echo\")][A2AArtifact(typeof(Report))][A2AArtifact(typeof(Report))]", "public sealed record Report(string Text);")]
    [InlineData("[A2AAgent(\"Echo\")][A2AArtifact(typeof(Report), Name = \"--\")]", "public sealed record Report(string Text);")]
    [InlineData("[A2AAgent(\"Echo\")][A2ASkill(\"s\", \"One\")][A2ASkill(\"s\", \"Two\")]", "")]
    [InlineData("[A2AAgent(\"Echo\")][A2AArtifact(typeof(Report), Name = \"task\")]", "public sealed record Report(string Text);")]
    [InlineData("[A2AAgent(\"Echo\")][A2AArtifact(typeof(Report), Name = \"hash-code\")]", "public sealed record Report(string Text);")]
    [InlineData("[A2AAgent(\"Echo\")][A2AArtifact(typeof(Report), Name = \"item\")][A2AArtifact(typeof(Report), Name = \"item list\")]", "public sealed record Report(string Text);")]
    public Task A2A0004_invalid_declarations(string attributes, string extra) => Verify(Usings + extra + "\n" + attributes + """

        public interface {|A2A0004:IEcho|}
        {
        }
        """);

    [Fact]
    public Task A2A0004_file_local_agent_and_artifact() => Verify(Usings + """
        file sealed record Note(string Text);

        [A2AAgent("Local")]
        file interface {|A2A0004:ILocalAgent|}
        {
        }

        [A2AAgent("Uses a local artifact")]
        [A2AArtifact(typeof(Note))]
        public interface {|A2A0004:INotes|}
        {
        }
        """);

    [Fact]
    public Task A2A0004_agent_the_generated_code_cannot_reach() => Verify(Usings + """
        public partial class Outer
        {
            [A2AAgent("Hidden")]
            private interface {|A2A0004:IHidden|}
            {
            }

            private partial class Container
            {
                [A2AAgent("AlsoHidden")]
                internal interface {|A2A0004:IAlsoHidden|}
                {
                }
            }
        }
        """);
}
