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

// The task is finished in a finally block, on every way out of the try.
[A2AAgent("Auditor")]
public partial class Auditor
{
    public async Task ExecuteAsync(AuditorContext context, CancellationToken cancellationToken)
    {
        bool ok = false;
        try
        {
            await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
            ok = context.Text.Length > 0;
        }
        finally
        {
            if (ok)
            {
                await context.Updater.CompleteAsync("audited", CancellationToken.None);
            }
            else
            {
                await context.Updater.FailAsync("nothing to audit", CancellationToken.None);
            }
        }
    }
}
