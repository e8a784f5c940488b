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

[A2AAgent("Fan out")]
public partial class FanOut
{
    public async Task ExecuteAsync(FanOutContext context, CancellationToken cancellationToken)
    {
        // List<T>.ForEach takes an Action: each artifact's task is dropped, and they race the completion.
        context.Text.Split(',').ToList().ForEach(part => {|A2A1005:context.Updater.AddTextArtifactAsync(part, cancellationToken: cancellationToken)|});

        await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
    }
}
