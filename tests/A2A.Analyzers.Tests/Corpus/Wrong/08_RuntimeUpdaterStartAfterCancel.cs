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

public static class Worker
{
    public static async Task RunAsync(TaskUpdater updater, CancellationToken cancellationToken)
    {
        await updater.CancelAsync(cancellationToken: cancellationToken);
        await {|A2A1001:updater.StartWorkAsync(cancellationToken: cancellationToken)|};
    }
}
