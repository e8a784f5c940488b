using A2A.Analyzers.CodeFixes;
using A2A.Analyzers.Lifecycle;
using A2A.Analyzers.Tests.Verifiers;
using static A2A.Analyzers.Tests.Verifiers.TestCode;

namespace A2A.Analyzers.Tests;

/// <summary>A2A1001: a task updated after it reached a terminal state on every path (data flow over the control-flow graph); the fix removes the update.</summary>
public class A2A1001Tests
{
    private const string Agent = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using A2A.Agents;
        using A2A.Lifecycle;
        using A2A.Protocol;
        using A2A.Tasks;

        [A2AAgent("Echo", OptionalStates = OptionalTaskStates.InputRequired)]
        public partial class Echo
        {
            public async Task ExecuteAsync(EchoContext context, CancellationToken cancellationToken)
            {
                var u = context.Updater;
        BODY
            }

            private static bool Check(string text) => text.Length > 3;
        }
        """;

    private static Task Verify(string body) => A2AAnalyzerTest<TerminalStateFlowAnalyzer>.VerifyAsync(Agent.Replace("BODY", body, StringComparison.Ordinal));

    // ---- wrong: each marked call is after a definite terminal state ----

    [Fact]
    public Task Straight_line_update_after_complete() => Verify("""
                await u.CompleteAsync("done");
                await {|A2A1001:u.StartWorkAsync()|};
        """);

    [Fact]
    public Task Artifact_after_fail() => Verify("""
                await u.FailAsync("broken");
                await {|A2A1001:u.AddTextArtifactAsync("late")|};
        """);

    [Fact]
    public Task Both_branches_finish_then_update() => Verify("""
                if (Check(context.Text)) await u.CompleteAsync(); else await u.FailAsync();
                await {|A2A1001:u.RequireInputAsync("more?")|};
        """);

    [Fact]
    public Task Switch_where_every_case_finishes() => Verify("""
                switch (context.Text)
                {
                    case "a": await u.CompleteAsync(); break;
                    case "b": await u.FailAsync(); break;
                    default: await u.CancelAsync(); break;
                }
                await {|A2A1001:u.CompleteAsync()|};
        """);

    [Fact]
    public Task Untyped_updater_with_constant_terminal_state() => Verify("""
                TaskUpdater raw = u.Untyped;
                await raw.UpdateStatusAsync(TaskState.Rejected);
                await {|A2A1001:raw.UpdateStatusAsync(TaskState.Working)|};
        """);

    [Fact]
    public Task Task_manager_with_the_same_task_id_variable() => Verify("""
                var manager = new TaskManager(new A2A.Storage.InMemoryTaskStore());
                string id = context.Task.Id;
                await manager.CancelTaskAsync(id);
                await {|A2A1001:manager.AddArtifactAsync(id, new Artifact { ArtifactId = "a", Parts = new[] { Part.FromText("x") } })|};
        """);

    [Fact]
    public Task Loop_after_completion() => Verify("""
                await context.Updater.CompleteAsync();
                foreach (string word in context.Text.Split(' '))
                {
                    await {|A2A1001:context.Updater.AddTextArtifactAsync(word)|};
                }
        """);

    [Fact]
    public Task Complete_twice() => Verify("""
                await u.CompleteAsync();
                await {|A2A1001:u.CompleteAsync()|};
        """);

    // ---- one task, many handles ----

    [Fact]
    public Task Untyped_view_after_the_typed_updater_finished() => Verify("""
                await u.CompleteAsync();
                await {|A2A1001:context.Updater.Untyped.StartWorkAsync()|};
        """);

    [Fact]
    public Task Typed_updater_after_its_untyped_view_finished_through_a_local() => Verify("""
                var raw = context.Updater.Untyped;
                await raw.FailAsync();
                await {|A2A1001:context.Updater.AddTextArtifactAsync("late")|};
                await {|A2A1001:u.StartWorkAsync()|};
        """);

    [Fact]
    public Task Typed_manager_and_its_runtime_manager_are_one() => Verify("""
                var manager = new EchoTaskManager(new A2A.Storage.InMemoryTaskStore());
                string id = context.Task.Id;
                await manager.CancelTaskAsync(id);
                await {|A2A1001:manager.Runtime.UpdateStatusAsync(id, TaskState.Working)|};
        """);

    // ---- try, catch, finally ----

    [Fact]
    public Task Finally_that_finishes_makes_the_code_after_the_try_terminal() => Verify("""
                try
                {
                    await u.StartWorkAsync();
                }
                finally
                {
                    await u.CompleteAsync();
                }

                await {|A2A1001:u.AddTextArtifactAsync("late")|};
        """);

    [Fact]
    public Task Update_in_finally_after_the_try_finished() => Verify("""
                try
                {
                    await u.StartWorkAsync();
                    await u.CompleteAsync();
                }
                finally
                {
                    await {|A2A1001:u.AddTextArtifactAsync("log")|};
                }
        """);

    [Fact]
    public Task Finally_runs_on_a_return_too() => Verify("""
                try
                {
                    if (Check(context.Text))
                    {
                        await u.FailAsync();
                        return;
                    }

                    await u.CompleteAsync();
                }
                finally
                {
                    await {|A2A1001:u.StartWorkAsync()|};
                }
        """);

    [Fact]
    public Task Catch_entered_only_after_the_task_finished() => Verify("""
                await u.CompleteAsync();
                try
                {
                    await Task.Delay(1, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    await {|A2A1001:u.FailAsync("canceled")|};
                }
        """);

    // ---- right: no diagnostics ----

    [Fact]
    public Task Only_one_branch_finishes() => Verify("""
                if (Check(context.Text)) { await u.CompleteAsync(); return; }
                await u.StartWorkAsync();
                await u.CompleteAsync();
        """);

    [Fact]
    public Task Early_return_after_require_input() => Verify("""
                if (context.Task.History.Count == 1) { await u.RequireInputAsync("which one?"); return; }
                await u.StartWorkAsync();
                await u.CompleteAsync();
        """);

    [Fact]
    public Task Loop_over_items_then_complete() => Verify("""
                await u.StartWorkAsync();
                foreach (string word in context.Text.Split(' '))
                {
                    if (word.Length == 0) continue;
                    await u.AddTextArtifactAsync(word);
                }
                await u.CompleteAsync();
        """);

    [Fact]
    public Task Retry_loop_with_break_after_complete() => Verify("""
                for (int attempt = 0; attempt < 3; attempt++)
                {
                    try
                    {
                        await u.StartWorkAsync();
                        await u.CompleteAsync();
                        break;
                    }
                    catch (InvalidOperationException)
                    {
                        await Task.Delay(10, cancellationToken);
                    }
                }
        """);

    [Fact]
    public Task Try_finally_that_fails_on_error() => Verify("""
                try
                {
                    await u.StartWorkAsync();
                    await u.CompleteAsync();
                }
                catch (Exception ex)
                {
                    await u.FailAsync(ex.Message);
                }
        """);

    [Fact]
    public Task Aliases_used_in_order_are_fine() => Verify("""
                var raw = context.Updater.Untyped;
                await raw.StartWorkAsync();
                await u.AddTextArtifactAsync("part");
                await context.Updater.Untyped.CompleteAsync();
        """);

    // A terminal call that throws did not commit: the catch may run with the task still active.
    [Fact]
    public Task Catch_after_a_terminal_call_in_the_try_is_fine() => Verify("""
                try
                {
                    await u.StartWorkAsync();
                    await u.CompleteAsync();
                }
                catch (InvalidOperationException)
                {
                    await u.FailAsync();
                }
        """);

    [Fact]
    public Task Retry_with_catch_and_finally_is_fine() => Verify("""
                for (int attempt = 0; attempt < 3; attempt++)
                {
                    try
                    {
                        await u.StartWorkAsync();
                        await u.CompleteAsync();
                        return;
                    }
                    catch (InvalidOperationException) when (attempt < 2)
                    {
                        await Task.Delay(10, cancellationToken);
                    }
                    finally
                    {
                        Console.WriteLine("attempt " + attempt);
                    }
                }

                await u.FailAsync("gave up");
        """);

    [Fact]
    public Task Finally_that_may_finish_is_not_a_definite_finding() => Verify("""
                bool done = false;
                try
                {
                    await u.StartWorkAsync();
                    done = Check(context.Text);
                }
                finally
                {
                    if (!done) await u.FailAsync();
                }

                if (done) await u.CompleteAsync();
        """);

    [Fact]
    public Task Reassigned_updater_starts_fresh() => Verify("""
                TaskUpdater raw = u.Untyped;
                await raw.CompleteAsync();
                raw = context.Updater.Untyped;
                await raw.StartWorkAsync();
        """);

    [Fact]
    public Task Different_updaters_are_independent() => Verify("""
                var manager = new EchoTaskManager(new A2A.Storage.InMemoryTaskStore());
                EchoTaskUpdater other = manager.CreateUpdater(context.Task);
                await u.CompleteAsync();
                await other.StartWorkAsync();
        """);

    [Fact]
    public Task Non_constant_state_is_not_a_definite_finding() => Verify("""
                TaskState next = Check(context.Text) ? TaskState.Completed : TaskState.Working;
                await u.Untyped.UpdateStatusAsync(next);
                await u.StartWorkAsync();
                await u.CompleteAsync();
        """);

    [Fact]
    public Task Updates_inside_lambdas_are_not_mixed_into_the_method() => Verify("""
                Func<Task> finish = () => u.CompleteAsync();
                await u.StartWorkAsync();
                await finish();
        """);

    // ---- the code fix ----

    private static Task VerifyFix(string markup, string fixedMarkup, string? equivalenceKey = null) =>
        A2ACodeFixTest<TerminalStateFlowAnalyzer, RemoveUpdateAfterTerminalCodeFix>.VerifyAsync(markup, fixedMarkup, equivalenceKey);

    [Fact]
    public Task Remove_update_after_complete() => VerifyFix(
        InHandler("""
                await u.CompleteAsync("done");
                await {|A2A1001:u.AddTextArtifactAsync("late")|};
        """),
        InHandler("""
                await u.CompleteAsync("done");
        """));

    [Fact]
    public Task Remove_update_in_an_if_without_braces_leaves_an_empty_block() => VerifyFix(
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
    public Task Remove_update_fix_all_removes_every_late_update() => VerifyFix(
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
        """));

    // The task the late call returns is used: removing the call would break the code that uses it.
    [Fact]
    public Task Remove_update_is_not_offered_when_the_result_is_used()
    {
        string code = InHandler("""
                await u.CompleteAsync();
                var task = await {|A2A1001:u.FailAsync()|};
                Console.WriteLine(task.Id);
        """);
        return VerifyFix(code, code);
    }

    // ---- A2A1004: finish the task at the end of the handler ----
}
