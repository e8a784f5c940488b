using A2A.Analyzers.Lifecycle;
using A2A.Analyzers.Tests.Verifiers;

namespace A2A.Analyzers.Tests;

/// <summary>A2A1003: an optional state the agent did not declare, set through the untyped escape hatches of the generated API.</summary>
public class A2A1003Tests
{
    private const string Agent = """
        using System.Threading;
        using System.Threading.Tasks;
        using A2A.Agents;
        using A2A.Lifecycle;
        using A2A.Protocol;

        [A2AAgent("Echo", OptionalStates = OptionalTaskStates.InputRequired)]
        public partial class Echo
        {
            public async Task ExecuteAsync(EchoContext context, CancellationToken cancellationToken)
            {
        BODY
            }
        }
        """;

    private static Task Verify(string body) => A2AAnalyzerTest<UndeclaredStateAnalyzer>.VerifyAsync(Agent.Replace("BODY", body, System.StringComparison.Ordinal));

    [Fact]
    public Task Untyped_updater_to_an_undeclared_state() => Verify("""
                await context.Updater.Untyped.UpdateStatusAsync({|A2A1003:TaskState.Rejected|});
        """);

    [Fact]
    public Task Runtime_manager_to_an_undeclared_state() => Verify("""
                var manager = new EchoTaskManager(new A2A.Storage.InMemoryTaskStore());
                await manager.Runtime.UpdateStatusAsync(context.Task.Id, {|A2A1003:TaskState.AuthRequired|});
                await context.Updater.CompleteAsync();
        """);

    [Fact]
    public Task Declared_and_mandatory_states_are_fine() => Verify("""
                await context.Updater.Untyped.UpdateStatusAsync(TaskState.Working);
                await context.Updater.Untyped.UpdateStatusAsync(TaskState.InputRequired);
        """);

    [Fact]
    public Task Non_constant_states_are_left_to_the_runtime() => Verify("""
                TaskState next = context.Text.Length > 0 ? TaskState.Rejected : TaskState.Completed;
                await context.Updater.Untyped.UpdateStatusAsync(next);
        """);

    [Fact]
    public Task Named_moves_on_the_untyped_updater() => Verify("""
                await {|A2A1003:context.Updater.Untyped.RejectAsync()|};
                await {|A2A1003:context.Updater.Untyped.RequireAuthAsync()|};
        """);

    [Fact]
    public Task Through_a_local_holding_the_untyped_updater() => Verify("""
                var raw = context.Updater.Untyped;
                await raw.StartWorkAsync();
                await {|A2A1003:raw.RejectAsync()|};
                await raw.UpdateStatusAsync({|A2A1003:TaskState.AuthRequired|});
        """);

    [Fact]
    public Task Through_the_runtime_manager_and_its_updaters() => Verify("""
                var manager = new EchoTaskManager(new A2A.Storage.InMemoryTaskStore());
                A2A.Tasks.TaskManager runtime = manager.Runtime;
                await {|A2A1003:runtime.CreateUpdater(context.Task).RejectAsync()|};
                var other = manager.Runtime.CreateUpdater(context.Task.Id, context.Task.ContextId ?? "");
                await {|A2A1003:other.RequireAuthAsync()|};
                await runtime.UpdateStatusAsync(context.Task.Id, {|A2A1003:TaskState.Rejected|});
        """);

    [Fact]
    public Task Declared_states_on_every_untyped_path_are_fine() => Verify("""
                var raw = context.Updater.Untyped;
                await raw.RequireInputAsync();
                var manager = new EchoTaskManager(new A2A.Storage.InMemoryTaskStore());
                await manager.Runtime.CreateUpdater(context.Task).RequireInputAsync();
                await manager.Runtime.UpdateStatusAsync(context.Task.Id, TaskState.InputRequired);
        """);

    // Only what can be followed is judged: a reassigned local, or a runtime manager of unknown lifecycle.
    [Fact]
    public Task What_cannot_be_followed_is_left_to_the_runtime() => Verify("""
                var raw = context.Updater.Untyped;
                raw = Pick(raw);
                await raw.RejectAsync();
                var plain = new A2A.Tasks.TaskManager(new A2A.Storage.InMemoryTaskStore());
                await plain.CreateUpdater(context.Task).RejectAsync();
            }

            private static A2A.Tasks.TaskUpdater Pick(A2A.Tasks.TaskUpdater updater) => updater;

            private static void Unused()
            {
        """);
}
