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

[A2AAgent("Router", OptionalStates = OptionalTaskStates.Rejected)]
public partial class Router
{
    public async Task ExecuteAsync(RouterContext context, CancellationToken cancellationToken)
    {
        var u = context.Updater;
        switch (context.Text)
        {
            case "billing":
                await u.CompleteAsync("routed to billing", cancellationToken);
                break;
            case "":
                await u.RejectAsync("empty", cancellationToken);
                break;
            default:
                await u.FailAsync("no route", cancellationToken);
                break;
        }

        await {|A2A1001:u.StartWorkAsync("logging the route", cancellationToken)|};
    }
}
