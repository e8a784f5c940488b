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

// Rejected is not declared: reaching it through a local holding the untyped updater is still refused at run time.
[A2AAgent("Picky")]
public partial class Picky
{
    public async Task ExecuteAsync(PickyContext context, CancellationToken cancellationToken)
    {
        TaskUpdater raw = context.Updater.Untyped;
        if (context.Text.Length > 100)
        {
            await {|A2A1003:raw.RejectAsync(cancellationToken: cancellationToken)|};
            return;
        }

        await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
    }
}
