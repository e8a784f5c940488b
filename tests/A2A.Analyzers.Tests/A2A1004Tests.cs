using A2A.Analyzers.CodeFixes;
using A2A.Analyzers.Lifecycle;
using A2A.Analyzers.Tests.Verifiers;
using static A2A.Analyzers.Tests.Verifiers.TestCode;

namespace A2A.Analyzers.Tests;

/// <summary>A2A1004: a handler that can return with its task still submitted or working; the fix finishes the task at the end.</summary>
public class A2A1004Tests
{
    private const string Agent = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using A2A.Agents;
        using A2A.Lifecycle;

        [A2AAgent("Echo", OptionalStates = OptionalTaskStates.InputRequired)]
        public partial class Echo
        {
            public async Task {|A2A1004:ExecuteAsync|}(EchoContext context, CancellationToken cancellationToken)
            {
        BODY
            }

            private static Task FinishAsync(EchoTaskUpdater updater) => updater.CompleteAsync();
        }
        """;

    private static Task Wrong(string body) => A2AAnalyzerTest<HandlerReturnsActiveAnalyzer>.VerifyAsync(Agent.Replace("BODY", body, StringComparison.Ordinal));

    private static Task Right(string body) =>
        A2AAnalyzerTest<HandlerReturnsActiveAnalyzer>.VerifyAsync(Agent.Replace("BODY", body, StringComparison.Ordinal).Replace("{|A2A1004:ExecuteAsync|}", "ExecuteAsync", StringComparison.Ordinal));

    [Fact]
    public Task Only_starts_work() => Wrong("""
                await context.Updater.StartWorkAsync();
        """);

    [Fact]
    public Task One_branch_forgets() => Wrong("""
                await context.Updater.StartWorkAsync();
                if (context.Text.Length > 0) await context.Updater.CompleteAsync();
        """);

    [Fact]
    public Task Early_return_before_finishing() => Wrong("""
                if (context.Text.Length == 0) return;
                await context.Updater.CompleteAsync();
        """);

    [Fact]
    public Task Finishes_on_every_path() => Right("""
                if (context.Text.Length == 0) { await context.Updater.FailAsync("empty"); return; }
                await context.Updater.StartWorkAsync();
                await context.Updater.CompleteAsync();
        """);

    [Fact]
    public Task Interrupted_is_finished_for_this_turn() => Right("""
                if (context.Task.History.Count == 1) { await context.Updater.RequireInputAsync("which?"); return; }
                await context.Updater.CompleteAsync();
        """);

    [Fact]
    public Task A_direct_reply_answers_the_message() => Right("""
                if (context.Text == "ping") { await context.ReplyAsync("pong", cancellationToken); return; }
                if (context.Text == "hi") { await context.Updater.Untyped.ReplyAsync("hello", cancellationToken); return; }
                await context.Updater.CompleteAsync();
        """);

    [Fact]
    public Task A_reply_on_one_branch_only() => Wrong("""
                if (context.Text == "ping") await context.ReplyAsync("pong", cancellationToken);
        """);

    [Fact]
    public Task Throwing_paths_are_fine() => Right("""
                if (context.Text.Length == 0) throw new ArgumentException("empty");
                await context.Updater.CompleteAsync();
        """);

    [Fact]
    public Task A_helper_that_receives_the_updater_counts() => Right("""
                await context.Updater.StartWorkAsync();
                await FinishAsync(context.Updater);
        """);

    [Fact]
    public Task Try_catch_that_fails_on_error() => Right("""
                try
                {
                    await context.Updater.StartWorkAsync();
                    await context.Updater.CompleteAsync();
                }
                catch (Exception ex)
                {
                    await context.Updater.FailAsync(ex.Message);
                }
        """);

    [Fact]
    public Task Wait_until_canceled_never_returns_normally() => Right("""
                await context.Updater.StartWorkAsync();
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await Task.Delay(50, cancellationToken);
                }
        """);

    // ---- the code fix ----

    private static Task VerifyFix(string markup, string fixedMarkup, string? equivalenceKey = null) =>
        A2ACodeFixTest<HandlerReturnsActiveAnalyzer, CompleteAtEndCodeFix>.VerifyAsync(markup, fixedMarkup, equivalenceKey);

    [Fact]
    public Task Complete_at_end_of_handler() => VerifyFix(
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
    public Task Fail_at_end_keeps_a_trailing_return_last_and_leaves_the_early_return_reported() => VerifyFix(
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
    public Task Complete_at_end_is_not_offered_for_a_synchronous_handler()
    {
        const string code = Usings + """
            [A2AAgent("Echo")]
            public partial class Echo
            {
                public Task {|A2A1004:ExecuteAsync|}(EchoContext context, CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """;
        return VerifyFix(code, code);
    }

    // ---- A2A1005: add await ----

    // An if that completes already finished that path: appending CompleteAsync would complete it twice (the runtime
    // refuses the second). The fix is not offered; Fix All leaves the handler as it is too.
    [Fact]
    public Task Complete_at_end_is_not_offered_when_a_branch_already_finished()
    {
        const string code = Usings + """
            [A2AAgent("Echo")]
            public partial class Echo
            {
                public async Task {|A2A1004:ExecuteAsync|}(EchoContext context, CancellationToken cancellationToken)
                {
                    await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
                    if (context.Text.Length > 0)
                    {
                        await context.Updater.CompleteAsync("echo: " + context.Text, cancellationToken);
                    }
                }
            }
            """;
        return VerifyFix(code, code);
    }

    // Fix All over two handlers: the one that needs it gets the call, the one with a finished branch is left alone.
    [Fact]
    public Task Complete_at_end_fix_all_touches_only_handlers_where_it_is_safe() => VerifyFix(
        Usings + """
        [A2AAgent("One")]
        public partial class One
        {
            public async Task {|A2A1004:ExecuteAsync|}(OneContext context, CancellationToken cancellationToken)
            {
                await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
            }
        }

        [A2AAgent("Two")]
        public partial class Two
        {
            public async Task {|A2A1004:ExecuteAsync|}(TwoContext context, CancellationToken cancellationToken)
            {
                if (context.Text.Length > 0)
                {
                    await context.Updater.FailAsync(cancellationToken: cancellationToken);
                }
            }
        }
        """,
        Usings + """
        [A2AAgent("One")]
        public partial class One
        {
            public async Task ExecuteAsync(OneContext context, CancellationToken cancellationToken)
            {
                await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
                await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
            }
        }

        [A2AAgent("Two")]
        public partial class Two
        {
            public async Task {|A2A1004:ExecuteAsync|}(TwoContext context, CancellationToken cancellationToken)
            {
                if (context.Text.Length > 0)
                {
                    await context.Updater.FailAsync(cancellationToken: cancellationToken);
                }
            }
        }
        """);
}
