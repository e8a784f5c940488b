using System;
using System.Threading;
using System.Threading.Tasks;
using A2A.Agents;
using A2A.Lifecycle;

namespace Corpus.Right;

// Answers small talk with a direct message and no task; real requests become tasks.
[A2AAgent("Concierge", OptionalStates = OptionalTaskStates.InputRequired)]
public partial class Concierge
{
    public async Task ExecuteAsync(ConciergeContext context, CancellationToken cancellationToken)
    {
        string text = context.Text.Trim();
        if (context.IsFirstTurn && text.Length == 0)
        {
            await context.ReplyAsync("What can I do for you?", cancellationToken);
            return;
        }

        if (context.IsFirstTurn && text.Equals("hello", StringComparison.OrdinalIgnoreCase))
        {
            await context.ReplyAsync(context.Updater.NewAgentMessage("Hello! Ask me to book something."), cancellationToken);
            return;
        }

        await context.Updater.StartWorkAsync("booking…", cancellationToken);
        if (!text.Contains("date", StringComparison.OrdinalIgnoreCase))
        {
            await context.Updater.RequireInputAsync("For which date?", cancellationToken);
            return;
        }

        await context.Updater.AddTextArtifactAsync($"Booked: {text}", name: "booking", lastChunk: true, cancellationToken: cancellationToken);
        await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
    }
}
