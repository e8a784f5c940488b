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

// A generic retry helper receives a lambda that returns the lifecycle task (awaited by the helper).
[A2AAgent("Notifier")]
public partial class Notifier
{
    public async Task ExecuteAsync(NotifierContext context, CancellationToken cancellationToken)
    {
        await RetryAsync(() => context.Updater.AddTextArtifactAsync("notified: " + context.Text, name: "receipt", cancellationToken: cancellationToken), 3);
        await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
    }

    private static async Task<T> RetryAsync<T>(Func<Task<T>> action, int attempts)
    {
        for (int i = 1; ; i++)
        {
            try
            {
                return await action();
            }
            catch (Exception) when (i < attempts)
            {
            }
        }
    }
}
