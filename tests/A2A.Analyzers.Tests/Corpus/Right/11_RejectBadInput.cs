using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using A2A.Agents;
using A2A.Lifecycle;
using A2A.Protocol;
using A2A.Tasks;

namespace Corpus.Right;

// Refuses work it will not do; accepts the rest.
[A2AAgent("Moderator", OptionalStates = OptionalTaskStates.Rejected)]
public partial class Moderator
{
    private static readonly HashSet<string> Blocked = new(StringComparer.OrdinalIgnoreCase) { "spam", "phishing" };

    public async Task ExecuteAsync(ModeratorContext context, CancellationToken cancellationToken)
    {
        if (Blocked.Any(word => context.Text.Contains(word, StringComparison.OrdinalIgnoreCase)))
        {
            await context.Updater.RejectAsync("This request is not something I can help with.", cancellationToken);
            return;
        }

        await context.Updater.CompleteAsync("Looks fine.", cancellationToken);
    }
}
