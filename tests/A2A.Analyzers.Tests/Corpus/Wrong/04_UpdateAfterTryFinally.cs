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

[A2AAgent("Archiver")]
public partial class Archiver
{
    public async Task ExecuteAsync(ArchiverContext context, CancellationToken cancellationToken)
    {
        var u = context.Updater;
        try
        {
            await u.StartWorkAsync(cancellationToken: cancellationToken);
            await u.CompleteAsync(cancellationToken: cancellationToken);
        }
        finally
        {
            Console.WriteLine("archived");
        }

        await {|A2A1001:u.AddTextArtifactAsync("archive.zip", cancellationToken: cancellationToken)|};
    }
}
