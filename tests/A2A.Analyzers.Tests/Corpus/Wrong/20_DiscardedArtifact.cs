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

[A2AAgent("Thumbs")]
public partial class Thumbs
{
    public async Task ExecuteAsync(ThumbsContext context, CancellationToken cancellationToken)
    {
        _ = {|A2A1005:context.Updater.AddTextArtifactAsync("thumb.png", cancellationToken: cancellationToken)|};
        await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
    }
}
