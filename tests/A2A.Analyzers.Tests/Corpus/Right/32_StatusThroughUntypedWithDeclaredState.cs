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

// The untyped escape hatch with a state the agent did declare is fine.
[A2AAgent("Escalator", OptionalStates = OptionalTaskStates.InputRequired)]
public partial class Escalator
{
    public async Task ExecuteAsync(EscalatorContext context, CancellationToken cancellationToken)
    {
        if (context.Text.EndsWith('?'))
        {
            await context.Updater.Untyped.UpdateStatusAsync(TaskState.InputRequired, context.Updater.NewAgentMessage("Which team?"), cancellationToken: cancellationToken);
            return;
        }

        await context.Updater.CompleteAsync("escalated to " + context.Text, cancellationToken);
    }
}
