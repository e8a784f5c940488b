using A2A.Analyzers.CodeFixes;

namespace A2A.Analyzers.Tests;

/// <summary>Every code fix applied in a workspace: exact text after the fix, and the fixed code compiles with only the diagnostics it still should have.</summary>
public class CodeFixTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using A2A.Agents;
        using A2A.Lifecycle;

        """;

    // ---- A2A0001: make partial ----

    [Fact]
    public Task Make_partial_adds_the_modifier_after_the_others() => CodeFixHarness.VerifyFixAsync(
        new MakePartialCodeFix(),
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
    public Task Make_partial_also_fixes_the_containing_types() => CodeFixHarness.VerifyFixAsync(
        new MakePartialCodeFix(),
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
    public Task Make_partial_fix_all_in_document() => CodeFixHarness.VerifyFixAsync(
        new MakePartialCodeFix(),
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
        """,
        fixAll: true);

    // ---- A2A0002: generate ExecuteAsync ----

    [Fact]
    public Task Generate_execute_method_when_missing() => CodeFixHarness.VerifyFixAsync(
        new GenerateExecuteMethodCodeFix(),
        """
        using A2A.Agents;

        namespace Demo;

        [A2AAgent("Echo")]
        public partial class {|A2A0002:Echo|}
        {
        }
        """,
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using A2A.Agents;

        namespace Demo;

        [A2AAgent("Echo")]
        public partial class Echo
        {
            public async Task ExecuteAsync(EchoContext context, CancellationToken cancellationToken)
            {
                await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);

                // Do the work, then finish the task: CompleteAsync, FailAsync, or ask the client with a declared optional state.
                throw new NotImplementedException();
            }
        }
        """);

    [Fact]
    public async Task Generate_execute_method_is_not_offered_for_a_misshaped_one()
    {
        IReadOnlyList<string> offered = await CodeFixHarness.OfferedActionsAsync(new GenerateExecuteMethodCodeFix(), Usings + """
            [A2AAgent("Echo")]
            public partial class Echo
            {
                public Task ExecuteAsync(string text) => Task.CompletedTask;
            }
            """);
        Assert.Empty(offered);
    }

    // ---- A2A1001: remove the update after the terminal state ----

    private const string Handler = Usings + """
        [A2AAgent("Echo", OptionalStates = OptionalTaskStates.InputRequired)]
        public partial class Echo
        {
            public async Task ExecuteAsync(EchoContext context, CancellationToken cancellationToken)
            {
                var u = context.Updater;
        BODY
            }
        }
        """;

    private static string InHandler(string body) => Handler.Replace("BODY", body, StringComparison.Ordinal);

    [Fact]
    public Task Remove_update_after_complete() => CodeFixHarness.VerifyFixAsync(
        new RemoveUpdateAfterTerminalCodeFix(),
        InHandler("""
                await u.CompleteAsync("done");
                await {|A2A1001:u.AddTextArtifactAsync("late")|};
        """),
        InHandler("""
                await u.CompleteAsync("done");
        """));

    [Fact]
    public Task Remove_update_in_an_if_without_braces_leaves_an_empty_block() => CodeFixHarness.VerifyFixAsync(
        new RemoveUpdateAfterTerminalCodeFix(),
        InHandler("""
                await u.FailAsync("broken");
                if (context.Text.Length > 3)
                    await {|A2A1001:u.StartWorkAsync()|};
        """),
        InHandler("""
                await u.FailAsync("broken");
                if (context.Text.Length > 3)
                {
                }
        """));

    [Fact]
    public Task Remove_update_fix_all_removes_every_late_update() => CodeFixHarness.VerifyFixAsync(
        new RemoveUpdateAfterTerminalCodeFix(),
        InHandler("""
                await u.StartWorkAsync();
                await u.CompleteAsync();
                await {|A2A1001:u.AddTextArtifactAsync("a")|};
                // the second one too
                await {|A2A1001:u.RequireInputAsync("b")|};
        """),
        InHandler("""
                await u.StartWorkAsync();
                await u.CompleteAsync();
        """),
        fixAll: true);

    [Fact]
    public async Task Remove_update_is_not_offered_when_the_result_is_used()
    {
        IReadOnlyList<string> offered = await CodeFixHarness.OfferedActionsAsync(new RemoveUpdateAfterTerminalCodeFix(), InHandler("""
                    await u.CompleteAsync();
                    var task = await u.FailAsync();
                    Console.WriteLine(task.Id);
            """));
        Assert.Empty(offered);
    }

    // ---- A2A1004: finish the task at the end of the handler ----

    [Fact]
    public Task Complete_at_end_of_handler() => CodeFixHarness.VerifyFixAsync(
        new CompleteAtEndCodeFix(),
        Usings + """
        [A2AAgent("Echo")]
        public partial class Echo
        {
            public async Task {|A2A1004:ExecuteAsync|}(EchoContext context, CancellationToken cancellationToken)
            {
                await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
                await context.Updater.AddTextArtifactAsync(context.Text, cancellationToken: cancellationToken);
            }
        }
        """,
        Usings + """
        [A2AAgent("Echo")]
        public partial class Echo
        {
            public async Task ExecuteAsync(EchoContext context, CancellationToken cancellationToken)
            {
                await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
                await context.Updater.AddTextArtifactAsync(context.Text, cancellationToken: cancellationToken);
                await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
            }
        }
        """);

    [Fact]
    public Task Fail_at_end_keeps_a_trailing_return_last_and_leaves_the_early_return_reported() => CodeFixHarness.VerifyFixAsync(
        new CompleteAtEndCodeFix(),
        Usings + """
        [A2AAgent("Echo")]
        public partial class Echo
        {
            public async Task {|A2A1004:ExecuteAsync|}(EchoContext ctx, CancellationToken ct)
            {
                if (ctx.Text.Length == 0)
                {
                    return;
                }

                await ctx.Updater.StartWorkAsync(cancellationToken: ct);
                return;
            }
        }
        """,
        Usings + """
        [A2AAgent("Echo")]
        public partial class Echo
        {
            public async Task {|A2A1004:ExecuteAsync|}(EchoContext ctx, CancellationToken ct)
            {
                if (ctx.Text.Length == 0)
                {
                    return;
                }

                await ctx.Updater.StartWorkAsync(cancellationToken: ct);
                await ctx.Updater.FailAsync(cancellationToken: ct);
                return;
            }
        }
        """,
        equivalenceKey: "CompleteAtEndCodeFix.FailAsync");

    [Fact]
    public async Task Complete_at_end_is_not_offered_for_a_synchronous_handler()
    {
        IReadOnlyList<string> offered = await CodeFixHarness.OfferedActionsAsync(new CompleteAtEndCodeFix(), Usings + """
            [A2AAgent("Echo")]
            public partial class Echo
            {
                public Task ExecuteAsync(EchoContext context, CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """);
        Assert.Empty(offered);
    }

    // ---- A2A1005: add await ----

    [Fact]
    public Task Add_await_to_a_dropped_call_and_a_discard() => CodeFixHarness.VerifyFixAsync(
        new AddAwaitCodeFix(),
        InHandler("""
                {|A2A1005:u.StartWorkAsync()|};
                _ = {|A2A1005:u.CompleteAsync("done")|}; // keep this comment
        """),
        InHandler("""
                await u.StartWorkAsync();
                await u.CompleteAsync("done"); // keep this comment
        """),
        fixAll: true);

    [Fact]
    public Task Add_await_keeps_a_dropped_ConfigureAwait() => CodeFixHarness.VerifyFixAsync(
        new AddAwaitCodeFix(),
        InHandler("""
                {|A2A1005:u.StartWorkAsync()|}.ConfigureAwait(false);
                _ = {|A2A1005:u.CompleteAsync("done")|}.ConfigureAwait(false);
        """),
        InHandler("""
                await u.StartWorkAsync().ConfigureAwait(false);
                await u.CompleteAsync("done").ConfigureAwait(false);
        """),
        fixAll: true);

    [Fact]
    public Task Add_await_inside_an_async_lambda() => CodeFixHarness.VerifyFixAsync(
        new AddAwaitCodeFix(),
        InHandler("""
                Func<Task> report = async () => { {|A2A1005:u.AddTextArtifactAsync("partial result")|}; };
                await report();
                await u.CompleteAsync();
        """),
        InHandler("""
                Func<Task> report = async () => { await u.AddTextArtifactAsync("partial result"); };
                await report();
                await u.CompleteAsync();
        """));

    [Fact]
    public async Task Add_await_is_not_offered_in_a_synchronous_method()
    {
        IReadOnlyList<string> offered = await CodeFixHarness.OfferedActionsAsync(new AddAwaitCodeFix(), Usings + """
            [A2AAgent("Echo")]
            public partial class Echo
            {
                public Task ExecuteAsync(EchoContext context, CancellationToken cancellationToken)
                {
                    context.Updater.StartWorkAsync();
                    return context.Updater.CompleteAsync();
                }
            }
            """);
        Assert.Empty(offered);
    }
}
