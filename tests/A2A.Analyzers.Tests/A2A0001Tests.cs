using A2A.Analyzers.CodeFixes;
using A2A.Analyzers.Declaration;
using A2A.Analyzers.Tests.Verifiers;
using static A2A.Analyzers.Tests.Verifiers.TestCode;

namespace A2A.Analyzers.Tests;

/// <summary>A2A0001: an agent class, and every type containing it, must be partial; the fix adds the modifier.</summary>
public class A2A0001Tests
{
    private static Task Verify(string markup) => A2AAnalyzerTest<AgentDeclarationAnalyzer>.VerifyAsync(markup);

    private static Task VerifyFix(string markup, string fixedMarkup, string? equivalenceKey = null) =>
        A2ACodeFixTest<AgentDeclarationAnalyzer, MakePartialCodeFix>.VerifyAsync(markup, fixedMarkup, equivalenceKey);

    [Fact]
    public Task A2A0001_agent_class_not_partial() => Verify(Usings + """
        [A2AAgent("Echo")]
        public class {|A2A0001:Echo|}
        {
            public Task ExecuteAsync(EchoContext context, CancellationToken cancellationToken) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task A2A0001_containing_type_not_partial() => Verify(Usings + """
        public class {|A2A0001:Outer|}
        {
            [A2AAgent("Echo")]
            public partial class Echo
            {
                public Task ExecuteAsync(OuterEchoContext context, CancellationToken cancellationToken) => Task.CompletedTask;
            }
        }
        """);

    // ---- the code fix ----

    [Fact]
    public Task Make_partial_adds_the_modifier_after_the_others() => VerifyFix(
        Usings + """
        [A2AAgent("Echo")]
        public sealed class {|A2A0001:Echo|}
        {
            public async Task ExecuteAsync(EchoContext context, CancellationToken cancellationToken) => await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
        }
        """,
        Usings + """
        [A2AAgent("Echo")]
        public sealed partial class Echo
        {
            public async Task ExecuteAsync(EchoContext context, CancellationToken cancellationToken) => await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
        }
        """);

    [Fact]
    public Task Make_partial_also_fixes_the_containing_types() => VerifyFix(
        Usings + """
        public static class Agents
        {
            [A2AAgent("Inner")]
            internal class {|A2A0001:Inner|}
            {
                public async Task ExecuteAsync(AgentsInnerContext context, CancellationToken cancellationToken) => await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
            }
        }
        """,
        Usings + """
        public static partial class Agents
        {
            [A2AAgent("Inner")]
            internal partial class Inner
            {
                public async Task ExecuteAsync(AgentsInnerContext context, CancellationToken cancellationToken) => await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
            }
        }
        """);

    [Fact]
    public Task Make_partial_fix_all_in_document() => VerifyFix(
        Usings + """
        [A2AAgent("One")]
        public class {|A2A0001:One|}
        {
            public async Task ExecuteAsync(OneContext context, CancellationToken cancellationToken) => await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
        }

        [A2AAgent("Two")]
        internal class {|A2A0001:Two|}
        {
            public async Task ExecuteAsync(TwoContext context, CancellationToken cancellationToken) => await context.Updater.FailAsync(cancellationToken: cancellationToken);
        }
        """,
        Usings + """
        [A2AAgent("One")]
        public partial class One
        {
            public async Task ExecuteAsync(OneContext context, CancellationToken cancellationToken) => await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
        }

        [A2AAgent("Two")]
        internal partial class Two
        {
            public async Task ExecuteAsync(TwoContext context, CancellationToken cancellationToken) => await context.Updater.FailAsync(cancellationToken: cancellationToken);
        }
        """);

    // ---- A2A0002: generate ExecuteAsync ----
}
