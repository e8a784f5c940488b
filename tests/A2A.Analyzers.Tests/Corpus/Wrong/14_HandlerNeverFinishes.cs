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

// Starts work, writes the answer as an artifact, and forgets to complete.
[A2AAgent("Echo")]
public partial class Echo
{
    public async Task {|A2A1004:ExecuteAsync|}(EchoContext context, CancellationToken cancellationToken)
    {
        await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
        await context.Updater.AddTextArtifactAsync(context.Text, cancellationToken: cancellationToken);
    }
}
