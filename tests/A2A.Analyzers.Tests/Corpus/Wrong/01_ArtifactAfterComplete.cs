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

// The summary is added after the task completed: the runtime refuses it and the client never sees it.
[A2AAgent("Summarizer")]
public partial class Summarizer
{
    public async Task ExecuteAsync(SummarizerContext context, CancellationToken cancellationToken)
    {
        await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
        await context.Updater.CompleteAsync("done", cancellationToken);
        await {|A2A1001:context.Updater.AddTextArtifactAsync("summary: " + context.Text, cancellationToken: cancellationToken)|};
    }
}
