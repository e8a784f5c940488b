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

// Polls a job until it is done, then finishes once, after the loop.
[A2AAgent("Job watcher")]
public partial class JobWatcher
{
    public async Task ExecuteAsync(JobWatcherContext context, CancellationToken cancellationToken)
    {
        await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
        int polls = 0;
        while (true)
        {
            polls++;
            if (await IsDoneAsync(polls, cancellationToken))
            {
                break;
            }

            await context.Updater.AddTextArtifactAsync($"poll {polls}: running", artifactId: "progress", append: polls > 1, cancellationToken: cancellationToken);
        }

        await context.Updater.CompleteAsync($"done after {polls} polls", cancellationToken);
    }

    private static Task<bool> IsDoneAsync(int polls, CancellationToken cancellationToken) => Task.FromResult(polls >= 3);
}
