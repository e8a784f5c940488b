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

// The untyped runtime API, used only for states the agent declares.
[A2AAgent("Gatekeeper", OptionalStates = OptionalTaskStates.AuthRequired | OptionalTaskStates.Rejected)]
public partial class Gatekeeper
{
    public async Task ExecuteAsync(GatekeeperContext context, CancellationToken cancellationToken)
    {
        TaskUpdater raw = context.Updater.Untyped;
        if (context.Text.Contains("token", StringComparison.Ordinal))
        {
            await raw.UpdateStatusAsync(TaskState.AuthRequired, cancellationToken: cancellationToken);
            return;
        }

        await raw.RejectAsync(cancellationToken: cancellationToken);
    }

    public static Task RejectFromOutside(GatekeeperTaskManager manager, AgentTask task) =>
        manager.Runtime.CreateUpdater(task).RejectAsync();
}
