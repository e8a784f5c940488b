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
        foreach (string part in context.Text.Split(','))
        {
            {|A2A1005:context.Updater.AddTextArtifactAsync(part, cancellationToken: cancellationToken)|};
        }

        await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
    }
}
