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

// Retries a flaky call three times; completes inside the loop, fails after it.
[A2AAgent("Quote fetcher")]
public partial class QuoteFetcher
{
    public async Task ExecuteAsync(QuoteFetcherContext context, CancellationToken cancellationToken)
    {
        await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
        for (int attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                string quote = await FetchAsync(context.Text, cancellationToken);
                await context.Updater.CompleteAsync(quote, cancellationToken);
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken);
            }
            catch (TimeoutException)
            {
                break;
            }
        }

        await context.Updater.FailAsync("The quote service did not answer.", cancellationToken);
    }

    private static Task<string> FetchAsync(string symbol, CancellationToken cancellationToken) => Task.FromResult(symbol + ": 42.00");
}
