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

// Not awaiting the completion does not make it any less final: the artifact after it is refused too.
[A2AAgent("Sloppy")]
public partial class Sloppy
{
    public async Task ExecuteAsync(SloppyContext context, CancellationToken cancellationToken)
    {
        _ = {|A2A1005:context.Updater.CompleteAsync(cancellationToken: cancellationToken)|};
        await {|A2A1001:context.Updater.AddTextArtifactAsync("late", cancellationToken: cancellationToken)|};
    }
}
