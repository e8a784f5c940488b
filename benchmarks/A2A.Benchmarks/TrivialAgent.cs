using A2A.Agents;

namespace A2A.Benchmarks;

/// <summary>The wire benchmark's agent: completes at once with "ok" (the same as js/trivial-server.mjs).</summary>
[A2AAgent("trivial", Description = "Completes at once")]
public partial class TrivialAgent
{
    public Task ExecuteAsync(TrivialAgentContext context, CancellationToken cancellationToken) =>
        context.Updater.CompleteAsync("ok", cancellationToken);
}
