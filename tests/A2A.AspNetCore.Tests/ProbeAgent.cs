using A2A.Agents;
using A2A.Lifecycle;

namespace A2A.AspNetCore.Tests;

/// <summary>
/// The same agent as the JavaScript interop peer's probe (../shared/a2a-wire): by default working, two artifact
/// chunks ("Hello, " then "world!"), completed; "slow" works until canceled; "input" asks for input and completes on
/// the follow-up; "fail" fails; "reject" rejects; "ping" is answered with a direct "pong" message and no task;
/// "whoami" is answered with a direct message naming the caller ("user@tenant", "anonymous" when unauthenticated).
/// </summary>
[A2AAgent("a2a-dotnet probe agent", Description = "Interop peer built on A2A Toolkit", OptionalStates = OptionalTaskStates.InputRequired | OptionalTaskStates.Rejected)]
[A2ASkill("probe", "probe", Description = "submitted -> working -> 2 artifact chunks -> completed", Tags = new[] { "test" })]
public partial class ProbeAgent
{
    public async Task ExecuteAsync(ProbeAgentContext context, CancellationToken cancellationToken)
    {
        string text = context.Text;
        bool followUp = context.Task.History.Count > 1;
        if (text.Contains("ping", StringComparison.OrdinalIgnoreCase) && context.IsFirstTurn)
        {
            await context.ReplyAsync("pong", cancellationToken);
            return;
        }

        if (text == "whoami")
        {
            await context.ReplyAsync($"{context.Caller.UserId ?? "anonymous"}@{context.Caller.Tenant}", cancellationToken);
            return;
        }

        if (text.Contains("reject", StringComparison.OrdinalIgnoreCase))
        {
            await context.Updater.RejectAsync("rejected by request", cancellationToken);
            return;
        }

        if (text.Contains("input", StringComparison.OrdinalIgnoreCase) && !followUp)
        {
            await context.Updater.RequireInputAsync("need more input", cancellationToken);
            return;
        }

        await context.Updater.StartWorkAsync("working on it", cancellationToken);
        if (text.Contains("fail", StringComparison.OrdinalIgnoreCase))
        {
            await context.Updater.FailAsync("failed by request", cancellationToken);
            return;
        }

        if (text.Contains("slow", StringComparison.OrdinalIgnoreCase))
        {
            await Task.Delay(Timeout.Infinite, cancellationToken); // ends only through CancelTask
        }

        string id = await context.Updater.AddTextArtifactAsync("Hello, ", "artifact-1", "result", cancellationToken: cancellationToken);
        await context.Updater.AddTextArtifactAsync("world!", id, "result", append: true, lastChunk: true, cancellationToken: cancellationToken);
        await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
    }
}
