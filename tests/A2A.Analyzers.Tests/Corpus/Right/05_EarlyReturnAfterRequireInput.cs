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

// Asks for the missing destination and returns; the follow-up message continues the same task.
[A2AAgent("Flight search", OptionalStates = OptionalTaskStates.InputRequired)]
public partial class FlightSearch
{
    public async Task ExecuteAsync(FlightSearchContext context, CancellationToken cancellationToken)
    {
        if (!context.Text.Contains(" to ", StringComparison.OrdinalIgnoreCase))
        {
            await context.Updater.RequireInputAsync("Where do you want to fly to?", cancellationToken);
            return;
        }

        await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
        await context.Updater.CompleteAsync("3 flights found for " + context.Text, cancellationToken);
    }
}
