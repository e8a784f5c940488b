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

// Two terminal transitions: the second can never land.
[A2AAgent("Payments")]
public partial class Payments
{
    public async Task ExecuteAsync(PaymentsContext context, CancellationToken cancellationToken)
    {
        var u = context.Updater;
        await u.FailAsync("card declined", cancellationToken);
        await {|A2A1001:u.CompleteAsync("payment done", cancellationToken)|};
    }
}
