using A2A.Analyzers.CodeFixes;
using A2A.Analyzers.Lifecycle;
using A2A.Analyzers.Tests.Verifiers;
using static A2A.Analyzers.Tests.Verifiers.TestCode;

namespace A2A.Analyzers.Tests;

/// <summary>A2A1005: a task lifecycle call whose Task is dropped; the fix awaits it.</summary>
public class A2A1005Tests
{
    private const string Agent = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using A2A.Agents;
        using A2A.Protocol;
        using A2A.Tasks;

        [A2AAgent("Echo")]
        public partial class Echo
        {
            public async Task ExecuteAsync(EchoContext context, CancellationToken cancellationToken)
            {
        BODY
            }
        }
        """;

    private static Task Verify(string body) => A2AAnalyzerTest<LifecycleCallNotAwaitedAnalyzer>.VerifyAsync(Agent.Replace("BODY", body, StringComparison.Ordinal));

    // In an async method the compiler reports a bare statement (CS4014, a warning the packages do not compare here):
    // A2A1005 stays silent there rather than report the same call twice.
    [Fact]
    public Task A_bare_statement_in_an_async_method_is_left_to_CS4014() => Verify("""
                context.Updater.StartWorkAsync("working", cancellationToken);
                context.Updater.AddTextArtifactAsync("chunk").ConfigureAwait(false);
                await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
        """);

    [Fact]
    public Task A_bare_statement_in_a_synchronous_method() => A2AAnalyzerTest<LifecycleCallNotAwaitedAnalyzer>.VerifyAsync(Usings + """
        [A2AAgent("Echo")]
        public partial class Echo
        {
            public Task ExecuteAsync(EchoContext context, CancellationToken cancellationToken)
            {
                {|A2A1005:context.Updater.StartWorkAsync("working", cancellationToken)|};
                {|A2A1005:context.Updater.AddTextArtifactAsync("chunk")|}.ConfigureAwait(false);
                return context.Updater.CompleteAsync(cancellationToken: cancellationToken);
            }
        }
        """);

    [Fact]
    public Task An_expression_lambda_whose_delegate_returns_void() => Verify("""
                var words = new List<string> { "a", "b" };
                words.ForEach(word => {|A2A1005:context.Updater.AddTextArtifactAsync(word)|});
                System.Action<string> log = text => {|A2A1005:context.Updater.Untyped.StartWorkAsync()|}.ConfigureAwait(false);
                System.Func<string, Task> kept = word => context.Updater.AddTextArtifactAsync(word);
                await kept("c");
                await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
        """);

    [Fact]
    public Task Discarded_call() => Verify("""
                _ = {|A2A1005:context.Updater.AddTextArtifactAsync("chunk")|};
                await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
        """);

    [Fact]
    public Task A_discarded_reply_hides_its_refusal() => Verify("""
                await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
                _ = {|A2A1005:context.ReplyAsync("too late")|};
                await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
        """);

    [Fact]
    public Task Untyped_updater_and_manager_calls() => Verify("""
                TaskUpdater untyped = context.Updater.Untyped;
                _ = {|A2A1005:untyped.FailAsync()|};
                var manager = new TaskManager(new A2A.Storage.InMemoryTaskStore());
                _ = {|A2A1005:manager.CancelTaskAsync("t1")|};
        """);

    [Fact]
    public Task Awaited_stored_returned_or_collected_calls_are_fine() => Verify("""
                await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
                Task<string> pending = context.Updater.AddTextArtifactAsync("a");
                var all = new List<Task> { context.Updater.AddTextArtifactAsync("b") };
                await Task.WhenAll(all);
                await pending;
                await context.Updater.CompleteAsync("done", cancellationToken).ConfigureAwait(false);
                Message note = context.Updater.NewAgentMessage("not a task, never reported");
        """);

    [Fact]
    public Task Unrelated_task_returning_calls_are_not_reported() => Verify("""
                Task.Delay(1);
                _ = Task.Run(() => { });
                await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
        """);

    // ---- the code fix ----

    private static Task VerifyFix(string markup, string fixedMarkup, string? equivalenceKey = null) =>
        A2ACodeFixTest<LifecycleCallNotAwaitedAnalyzer, AddAwaitCodeFix>.VerifyAsync(markup, fixedMarkup, equivalenceKey);

    [Fact]
    public Task Add_await_to_discarded_calls() => VerifyFix(
        InHandler("""
                _ = {|A2A1005:u.StartWorkAsync()|};
                _ = {|A2A1005:u.CompleteAsync("done")|}; // keep this comment
        """),
        InHandler("""
                await u.StartWorkAsync();
                await u.CompleteAsync("done"); // keep this comment
        """));

    [Fact]
    public Task Add_await_keeps_a_dropped_ConfigureAwait() => VerifyFix(
        InHandler("""
                _ = {|A2A1005:u.StartWorkAsync()|}.ConfigureAwait(false);
                _ = {|A2A1005:u.CompleteAsync("done")|}.ConfigureAwait(false);
        """),
        InHandler("""
                await u.StartWorkAsync().ConfigureAwait(false);
                await u.CompleteAsync("done").ConfigureAwait(false);
        """));

    [Fact]
    public Task Add_await_inside_an_async_lambda() => VerifyFix(
        InHandler("""
                Func<Task> report = async () => { _ = {|A2A1005:u.AddTextArtifactAsync("partial result")|}; };
                await report();
                await u.CompleteAsync();
        """),
        InHandler("""
                Func<Task> report = async () => { await u.AddTextArtifactAsync("partial result"); };
                await report();
                await u.CompleteAsync();
        """));

    [Fact]
    public Task Add_await_is_not_offered_in_a_synchronous_method()
    {
        const string code = Usings + """
            [A2AAgent("Echo")]
            public partial class Echo
            {
                public Task ExecuteAsync(EchoContext context, CancellationToken cancellationToken)
                {
                    {|A2A1005:context.Updater.StartWorkAsync()|};
                    return context.Updater.CompleteAsync();
                }
            }
            """;
        return VerifyFix(code, code);
    }

    // Awaiting in a void-returning lambda would make it async void; the fix is a loop, which is the user's to write.
    [Fact]
    public Task Add_await_is_not_offered_in_an_expression_lambda()
    {
        string code = InHandler("""
                new System.Collections.Generic.List<string> { "a" }.ForEach(word => {|A2A1005:u.AddTextArtifactAsync(word)|});
                await u.CompleteAsync();
        """);
        return VerifyFix(code, code);
    }
}
