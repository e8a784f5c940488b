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

// A canceled token ends the task as canceled rather than failed.
[A2AAgent("Long runner")]
public partial class LongRunner
{
    public async Task ExecuteAsync(LongRunnerContext context, CancellationToken cancellationToken)
    {
        await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            await context.Updater.CompleteAsync("finished", CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            await context.Updater.CancelAsync(cancellationToken: CancellationToken.None);
        }
    }
}
