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
}
