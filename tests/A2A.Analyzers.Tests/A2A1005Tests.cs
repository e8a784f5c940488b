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

    [Fact]
    public Task Typed_updater_call_as_a_statement() => Verify("""
                {|A2A1005:context.Updater.StartWorkAsync("working", cancellationToken)|};
                await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
        """);

    [Fact]
    public Task Discarded_call() => Verify("""
                _ = {|A2A1005:context.Updater.AddTextArtifactAsync("chunk")|};
                await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
        """);

    [Fact]
    public Task Untyped_updater_and_manager_calls() => Verify("""
                TaskUpdater untyped = context.Updater.Untyped;
                {|A2A1005:untyped.FailAsync()|};
                var manager = new TaskManager(new A2A.Storage.InMemoryTaskStore());
                {|A2A1005:manager.CancelTaskAsync("t1")|};
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
    public Task Add_await_to_a_dropped_call_and_a_discard() => VerifyFix(
        InHandler("""
                {|A2A1005:u.StartWorkAsync()|};
                _ = {|A2A1005:u.CompleteAsync("done")|}; // keep this comment
        """),
        InHandler("""
                await u.StartWorkAsync();
                await u.CompleteAsync("done"); // keep this comment
        """));

    [Fact]
    public Task Add_await_keeps_a_dropped_ConfigureAwait() => VerifyFix(
        InHandler("""
                {|A2A1005:u.StartWorkAsync()|}.ConfigureAwait(false);
                _ = {|A2A1005:u.CompleteAsync("done")|}.ConfigureAwait(false);
        """),
        InHandler("""
                await u.StartWorkAsync().ConfigureAwait(false);
                await u.CompleteAsync("done").ConfigureAwait(false);
        """));

    [Fact]
    public Task Add_await_inside_an_async_lambda() => VerifyFix(
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
}
