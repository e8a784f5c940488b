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

// The finally runs after the completion on the normal path: its artifact is refused there.
[A2AAgent("Logger")]
public partial class Logger
{
    public async Task ExecuteAsync(LoggerContext context, CancellationToken cancellationToken)
    {
        try
        {
            await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
            await context.Updater.CompleteAsync("done", cancellationToken);
        }
        finally
        {
            await {|A2A1001:context.Updater.AddTextArtifactAsync("log: handled " + context.Text, cancellationToken: CancellationToken.None)|};
        }
    }
}
