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

[A2AAgent("Checker")]
public partial class Checker
{
    public async Task ExecuteAsync(CheckerContext context, CancellationToken cancellationToken)
    {
        var u = context.Updater;
        if (context.Text.Length > 10)
        {
            await u.CompleteAsync("long enough", cancellationToken);
        }
        else
        {
            await u.FailAsync("too short", cancellationToken);
        }

        await {|A2A1001:u.AddTextArtifactAsync("checked " + context.Text.Length + " characters", cancellationToken: cancellationToken)|};
    }
}
