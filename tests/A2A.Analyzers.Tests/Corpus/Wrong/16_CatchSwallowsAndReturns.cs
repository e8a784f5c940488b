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

// The catch logs and falls off the end: the task stays working.
[A2AAgent("Fetcher")]
public partial class Fetcher
{
    public async Task {|A2A1004:ExecuteAsync|}(FetcherContext context, CancellationToken cancellationToken)
    {
        try
        {
            await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
            _ = new Uri(context.Text);
            await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
        }
        catch (UriFormatException ex)
        {
            Console.Error.WriteLine(ex.Message);
        }
    }
}
