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

// Releases a lease whatever happens; the task is finished inside the try.
[A2AAgent("Report builder")]
public partial class ReportBuilder
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task ExecuteAsync(ReportBuilderContext context, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await context.Updater.StartWorkAsync("building", cancellationToken);
            await context.Updater.AddTextArtifactAsync("# Report\n" + context.Text, name: "report.md", cancellationToken: cancellationToken);
            await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
