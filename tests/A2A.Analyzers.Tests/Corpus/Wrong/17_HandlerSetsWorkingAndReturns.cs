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

[A2AAgent("Batch")]
public partial class Batch
{
    public async Task {|A2A1004:ExecuteAsync|}(BatchContext context, CancellationToken cancellationToken)
    {
        await context.Updater.Untyped.UpdateStatusAsync(TaskState.Working, cancellationToken: cancellationToken);
    }
}
