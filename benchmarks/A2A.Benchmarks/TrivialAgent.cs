using A2A.Agents;

namespace A2A.Benchmarks;

/// <summary>
/// The wire and server benchmarks' agent: completes at once with "ok" (the same as js/trivial-server.mjs), or answers
/// <see cref="BenchmarkServers.DirectReplyText"/> with a direct reply, which stores no task.
/// </summary>
[A2AAgent("trivial", Description = "Completes at once")]
public partial class TrivialAgent
{
    public Task ExecuteAsync(TrivialAgentContext context, CancellationToken cancellationToken) =>
        context.Text == BenchmarkServers.DirectReplyText
            ? context.ReplyAsync("ok", cancellationToken)
            : context.Updater.CompleteAsync("ok", cancellationToken);
}
