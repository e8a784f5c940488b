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

// StartWorkAsync is discarded to quiet the compiler, not awaited: the completion can land first and the late
// 'working' is refused.
[A2AAgent("Stamp")]
public partial class Stamp
{
    public async Task ExecuteAsync(StampContext context, CancellationToken cancellationToken)
    {
        _ = {|A2A1005:context.Updater.StartWorkAsync(cancellationToken: cancellationToken)|};
        await context.Updater.CompleteAsync("stamped", cancellationToken);
    }
}
