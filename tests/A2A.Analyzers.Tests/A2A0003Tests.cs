using A2A.Analyzers.Declaration;
using A2A.Analyzers.Tests.Verifiers;
using static A2A.Analyzers.Tests.Verifiers.TestCode;

namespace A2A.Analyzers.Tests;

/// <summary>A2A0003: agent names are unique in a compilation.</summary>
public class A2A0003Tests
{
    private static Task Verify(string markup) => A2AAnalyzerTest<AgentDeclarationAnalyzer>.VerifyAsync(markup);

    [Fact]
    public Task A2A0003_duplicate_agent_names() => Verify(Usings + """
        [A2AAgent("Echo")]
        public partial class First
        {
            public Task ExecuteAsync(FirstContext context, CancellationToken cancellationToken) => Task.CompletedTask;
        }

        [A2AAgent("Echo")]
        public interface {|A2A0003:ISecond|}
        {
        }
        """);
}
