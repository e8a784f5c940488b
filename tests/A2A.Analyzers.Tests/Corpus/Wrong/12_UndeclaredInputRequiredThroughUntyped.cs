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

// The agent never declared input-required; the untyped path sneaks it in and the runtime refuses it.
[A2AAgent("Form filler")]
public partial class FormFiller
{
    public async Task ExecuteAsync(FormFillerContext context, CancellationToken cancellationToken)
    {
        if (context.Text.Length == 0)
        {
            await context.Updater.Untyped.UpdateStatusAsync({|A2A1003:TaskState.InputRequired|}, cancellationToken: cancellationToken);
            return;
        }

        await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
    }
}
