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

// A local function computes; the handler finishes.
[A2AAgent("Word counter")]
public partial class WordCounter
{
    public async Task ExecuteAsync(WordCounterContext context, CancellationToken cancellationToken)
    {
        int Count(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

        await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
        await context.Updater.CompleteAsync($"{Count(context.Text)} words", cancellationToken);
    }
}
