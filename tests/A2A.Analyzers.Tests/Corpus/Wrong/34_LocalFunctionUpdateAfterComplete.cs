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

[A2AAgent("Closer")]
public partial class Closer
{
    public async Task ExecuteAsync(CloserContext context, CancellationToken cancellationToken)
    {
        await CloseAsync();

        async Task CloseAsync()
        {
            await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
            await {|A2A1001:context.Updater.AddTextArtifactAsync("closing notes", cancellationToken: cancellationToken)|};
        }
    }
}
