using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using A2A.Agents;
using A2A.Lifecycle;
using A2A.Protocol;
using A2A.Tasks;

namespace Corpus.Wrong;

[A2AAgent("Concierge", OptionalStates = OptionalTaskStates.InputRequired | OptionalTaskStates.Rejected)]
public partial class Concierge
{
    public async Task ExecuteAsync(ConciergeContext context, CancellationToken cancellationToken)
    {
        if (context.Text.Contains("weapon", StringComparison.OrdinalIgnoreCase))
        {
            await context.Updater.RejectAsync("I cannot help with that.", cancellationToken);
            await {|A2A1001:context.Updater.RequireInputAsync("Anything else?", cancellationToken)|};
            return;
        }

        await context.Updater.CompleteAsync("Booked.", cancellationToken);
    }
}
