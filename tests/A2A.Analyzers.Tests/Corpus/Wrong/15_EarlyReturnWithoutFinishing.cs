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

[A2AAgent("Lookup")]
public partial class Lookup
{
    public async Task {|A2A1004:ExecuteAsync|}(LookupContext context, CancellationToken cancellationToken)
    {
        await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
        if (string.IsNullOrWhiteSpace(context.Text))
        {
            return;
        }

        await context.Updater.CompleteAsync("found " + context.Text, cancellationToken);
    }
}
