namespace A2A.Analyzers.Tests;

public class HandlerReturnsActiveTests
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

    private static Task Wrong(string body) => AnalyzerHarness.VerifyAsync(Agent.Replace("BODY", body, StringComparison.Ordinal), ["A2A1004"]);

    private static Task Right(string body) =>
        AnalyzerHarness.VerifyAsync(Agent.Replace("BODY", body, StringComparison.Ordinal).Replace("{|A2A1004:ExecuteAsync|}", "ExecuteAsync", StringComparison.Ordinal), ["A2A1004"]);

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
}
