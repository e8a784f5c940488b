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

// Retries that catch and try again, with a finally that only cleans up: the catch may run before the completion
// committed, so failing there is right.
[A2AAgent("Uploader")]
public partial class Uploader
{
    public async Task ExecuteAsync(UploaderContext context, CancellationToken cancellationToken)
    {
        await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
        for (int attempt = 1; ; attempt++)
        {
            var timer = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                await context.Updater.AddTextArtifactAsync("uploaded " + context.Text, cancellationToken: cancellationToken);
                await context.Updater.CompleteAsync("done", cancellationToken);
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await Task.Delay(100 * attempt, cancellationToken);
            }
            catch (Exception error)
            {
                await context.Updater.FailAsync(error.Message, CancellationToken.None);
                return;
            }
            finally
            {
                timer.Stop();
            }
        }
    }
}
