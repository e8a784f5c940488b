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

// Completing before the loop means every artifact in it is refused.
[A2AAgent("Exporter")]
public partial class Exporter
{
    public async Task ExecuteAsync(ExporterContext context, CancellationToken cancellationToken)
    {
        await context.Updater.CompleteAsync("exporting", cancellationToken);
        foreach (string row in context.Text.Split(';'))
        {
            await {|A2A1001:context.Updater.AddTextArtifactAsync(row, cancellationToken: cancellationToken)|};
        }
    }
}
