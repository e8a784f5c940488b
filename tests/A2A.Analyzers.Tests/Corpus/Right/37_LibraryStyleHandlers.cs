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


// Library-style code: ConfigureAwait(false) on every await, a conditional await, a cancellation catch that
// cancels and rethrows, and a timeout race with Task.WhenAny.
[A2AAgent("Library style", OptionalStates = OptionalTaskStates.Rejected)]
public partial class LibraryStyle
{
    public async Task ExecuteAsync(LibraryStyleContext context, CancellationToken cancellationToken)
    {
        if (context.Text.Length == 0)
        {
            await context.Updater.RejectAsync("empty request", cancellationToken).ConfigureAwait(false);
            return;
        }

        await context.Updater.StartWorkAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            Task<string> work = Task.Run(() => context.Text.ToUpperInvariant(), cancellationToken);
            Task finished = await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(30), cancellationToken)).ConfigureAwait(false);
            bool ok = finished == work;
            await (ok
                ? context.Updater.CompleteAsync(await work.ConfigureAwait(false), cancellationToken)
                : context.Updater.FailAsync("timed out", cancellationToken)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await context.Updater.CancelAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }
}
