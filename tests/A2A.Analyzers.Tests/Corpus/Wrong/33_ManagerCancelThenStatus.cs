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

public sealed class Operator(TaskManager manager)
{
    public async Task StopAsync(string taskId, CancellationToken cancellationToken)
    {
        await manager.CancelTaskAsync(taskId, cancellationToken: cancellationToken);
        await {|A2A1001:manager.UpdateStatusAsync(taskId, TaskState.Working, cancellationToken: cancellationToken)|};
    }
}
