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

// Independent artifacts written together, then one terminal change.
[A2AAgent("Thumbnailer")]
public partial class Thumbnailer
{
    public async Task ExecuteAsync(ThumbnailerContext context, CancellationToken cancellationToken)
    {
        await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
        int[] sizes = [64, 128, 256];
        await Task.WhenAll(sizes.Select(size => context.Updater.AddTextArtifactAsync($"thumb {size}px of {context.Text}", name: $"thumb-{size}", cancellationToken: cancellationToken)));
        await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
    }
}
