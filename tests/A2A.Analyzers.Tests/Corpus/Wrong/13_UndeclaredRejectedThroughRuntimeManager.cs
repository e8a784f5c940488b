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

[A2AAgent("Gatekeeper", OptionalStates = OptionalTaskStates.InputRequired)]
public partial class Gatekeeper
{
    public async Task ExecuteAsync(GatekeeperContext context, CancellationToken cancellationToken) =>
        await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
}

public static class GateAdmin
{
    public static Task RefuseAsync(GatekeeperTaskManager manager, string taskId, CancellationToken cancellationToken) =>
        manager.Runtime.UpdateStatusAsync(taskId, {|A2A1003:TaskState.Rejected|}, cancellationToken: cancellationToken);
}
