using A2A.Analyzers.Declaration;
using A2A.Analyzers.Tests.Verifiers;
using static A2A.Analyzers.Tests.Verifiers.TestCode;

namespace A2A.Analyzers.Tests;

/// <summary>A2A0005: agents whose generated type names would clash.</summary>
public class A2A0005Tests
{
    private static Task Verify(string markup) => A2AAnalyzerTest<AgentDeclarationAnalyzer>.VerifyAsync(markup);

    [Fact]
    public Task A2A0005_contract_interface_and_class_with_the_same_generated_names() => Verify(Usings + """
        namespace Travel;

        [A2AAgent("Planner contract")]
        public interface {|A2A0005:ITripPlanner|}
        {
        }

        [A2AAgent("Planner")]
        public partial class {|A2A0005:TripPlanner|}
        {
            public Task ExecuteAsync(TripPlannerContext context, CancellationToken cancellationToken) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task A2A0005_nested_agent_and_top_level_agent_with_the_same_generated_names() => Verify(Usings + """
        public partial class Outer
        {
            [A2AAgent("Inner")]
            public partial class {|A2A0005:Inner|}
            {
                public Task ExecuteAsync(OuterInnerContext context, CancellationToken cancellationToken) => Task.CompletedTask;
            }
        }

        [A2AAgent("Joined")]
        public partial class {|A2A0005:OuterInner|}
        {
            public Task ExecuteAsync(OuterInnerContext context, CancellationToken cancellationToken) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task No_A2A0005_across_namespaces_or_with_a_skipped_agent() => Verify(Usings + """
        namespace First
        {
            [A2AAgent("One")]
            public partial class Same
            {
                public Task ExecuteAsync(SameContext context, CancellationToken cancellationToken) => Task.CompletedTask;
            }
        }

        namespace Second
        {
            [A2AAgent("Two")]
            public partial class Same
            {
                public Task ExecuteAsync(SameContext context, CancellationToken cancellationToken) => Task.CompletedTask;
            }
        }

        namespace Third
        {
            [A2AAgent("Four")]
            public partial class Solo
            {
                public Task ExecuteAsync(SoloContext context, CancellationToken cancellationToken) => Task.CompletedTask;
            }

            [A2AAgent("Generic")]
            public interface {|A2A0004:ISolo|}<T>
            {
            }
        }
        """);
}
