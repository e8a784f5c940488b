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

// A per-task time limit through a linked token source; timing out fails the task.
[A2AAgent("Summarizer")]
public partial class Summarizer
{
    public async Task ExecuteAsync(SummarizerContext context, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await context.Updater.StartWorkAsync(cancellationToken: timeout.Token);
        try
        {
            await Task.Delay(10, timeout.Token);
            await context.Updater.CompleteAsync(context.Text.Length > 40 ? context.Text[..40] + "..." : context.Text, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await context.Updater.FailAsync("Timed out after 30 s.", CancellationToken.None);
        }
    }
}
