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

// The runtime TaskUpdater, used by code that is not a generated agent.
public static class Pipeline
{
    public static async Task RunAsync(TaskUpdater updater, IEnumerable<string> steps, CancellationToken cancellationToken)
    {
        await updater.StartWorkAsync(cancellationToken: cancellationToken);
        foreach (string step in steps)
        {
            if (step.Length == 0)
            {
                await updater.FailAsync(updater.NewAgentMessage("empty step"), cancellationToken);
                return;
            }

            await updater.AddArtifactAsync([Part.FromText(step)], name: "steps", cancellationToken: cancellationToken);
        }

        await updater.CompleteAsync(cancellationToken: cancellationToken);
    }
}
