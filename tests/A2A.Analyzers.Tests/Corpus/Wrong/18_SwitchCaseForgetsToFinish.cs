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

[A2AAgent("Dispatcher")]
public partial class Dispatcher
{
    public async Task {|A2A1004:ExecuteAsync|}(DispatcherContext context, CancellationToken cancellationToken)
    {
        switch (context.Text)
        {
            case "a":
                await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
                break;
            case "b":
                await context.Updater.AddTextArtifactAsync("b received", cancellationToken: cancellationToken);
                break;
            default:
                await context.Updater.FailAsync(cancellationToken: cancellationToken);
                break;
        }
    }
}
