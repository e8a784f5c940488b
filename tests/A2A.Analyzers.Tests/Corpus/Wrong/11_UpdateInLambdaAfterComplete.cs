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

[A2AAgent("Scheduler")]
public partial class Scheduler
{
    public async Task ExecuteAsync(SchedulerContext context, CancellationToken cancellationToken)
    {
        var u = context.Updater;
        Func<Task> finish = async () =>
        {
            await u.CompleteAsync(cancellationToken: cancellationToken);
            await {|A2A1001:u.AddTextArtifactAsync("calendar.ics", cancellationToken: cancellationToken)|};
        };
        await finish();
    }
}
