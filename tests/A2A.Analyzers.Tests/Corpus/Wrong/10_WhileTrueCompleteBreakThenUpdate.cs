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

// The only way out of the loop is after completing, so the update after it is always refused.
[A2AAgent("Poller")]
public partial class Poller
{
    public async Task ExecuteAsync(PollerContext context, CancellationToken cancellationToken)
    {
        int polls = 0;
        while (true)
        {
            if (++polls == 3)
            {
                await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
                break;
            }

            await context.Updater.AddTextArtifactAsync($"poll {polls}", cancellationToken: cancellationToken);
        }

        await {|A2A1001:context.Updater.AddTextArtifactAsync($"took {polls} polls", cancellationToken: cancellationToken)|};
    }
}
