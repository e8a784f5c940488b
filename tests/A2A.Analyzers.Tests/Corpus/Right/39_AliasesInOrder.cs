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

// The typed updater, its Untyped view and locals holding them are one task, used in lifecycle order.
[A2AAgent("Relay", OptionalStates = OptionalTaskStates.InputRequired)]
public partial class Relay
{
    public async Task ExecuteAsync(RelayContext context, CancellationToken cancellationToken)
    {
        var updater = context.Updater;
        TaskUpdater raw = updater.Untyped;
        await raw.StartWorkAsync(cancellationToken: cancellationToken);
        await updater.AddTextArtifactAsync("relayed: " + context.Text, cancellationToken: cancellationToken);
        if (context.Text.Length == 0)
        {
            await raw.RequireInputAsync(cancellationToken: cancellationToken);
            return;
        }

        await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
    }
}
