using A2A.Analyzers.Lifecycle;
using A2A.Analyzers.Tests.Verifiers;

namespace A2A.Analyzers.Tests;

/// <summary>A2A1002: a task that may already be terminal (on some paths) is updated. Off by default; enabled in .editorconfig.</summary>
public class A2A1002Tests
{
    private const string Agent = """
        using System.Threading;
        using System.Threading.Tasks;
        using A2A.Agents;

        [A2AAgent("Echo")]
        public partial class Echo
        {
            public async Task ExecuteAsync(EchoContext context, CancellationToken cancellationToken)
            {
                var u = context.Updater;
                if (Check(context.Text)) await u.CompleteAsync();
                await MARK;
            }

            private static bool Check(string text) => text.Length > 3;
        }
        """;

    [Fact]
    public Task Off_by_default() =>
        A2AAnalyzerTest<TerminalStateFlowAnalyzer>.VerifyAsync(Agent.Replace("MARK", "u.StartWorkAsync()", StringComparison.Ordinal));

    [Fact]
    public Task Reported_when_enabled() =>
        A2AAnalyzerTest<TerminalStateFlowAnalyzer>.VerifyAsync(
            Agent.Replace("MARK", "{|A2A1002:u.StartWorkAsync()|}", StringComparison.Ordinal),
            "dotnet_diagnostic.A2A1002.severity = warning");

    [Fact]
    public Task A_path_that_is_terminal_everywhere_is_A2A1001_not_A2A1002() =>
        A2AAnalyzerTest<TerminalStateFlowAnalyzer>.VerifyAsync(
            Agent.Replace("if (Check(context.Text)) await u.CompleteAsync();", "await u.CompleteAsync();", StringComparison.Ordinal)
                .Replace("MARK", "{|A2A1001:u.StartWorkAsync()|}", StringComparison.Ordinal),
            "dotnet_diagnostic.A2A1002.severity = warning");
}
