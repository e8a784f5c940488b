namespace A2A.Analyzers.Tests;

public class LifecycleCallNotAwaitedTests
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

    private static Task Verify(string body) => AnalyzerHarness.VerifyAsync(Agent.Replace("BODY", body, StringComparison.Ordinal), ["A2A1005"]);

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
}
