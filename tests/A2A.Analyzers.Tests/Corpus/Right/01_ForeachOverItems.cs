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

// One artifact per line of the request, then done.
[A2AAgent("Line splitter")]
public partial class LineSplitter
{
    public async Task ExecuteAsync(LineSplitterContext context, CancellationToken cancellationToken)
    {
        await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
        foreach (string line in context.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            await context.Updater.AddTextArtifactAsync(line.Trim(), cancellationToken: cancellationToken);
        }

        await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
    }
}
