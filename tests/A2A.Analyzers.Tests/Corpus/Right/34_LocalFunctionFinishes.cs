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

// A local function owns the finishing step.
[A2AAgent("Packer")]
public partial class Packer
{
    public async Task ExecuteAsync(PackerContext context, CancellationToken cancellationToken)
    {
        await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
        await FinishAsync(context.Text.Length);

        async Task FinishAsync(int size)
        {
            if (size > 1000)
            {
                await context.Updater.FailAsync("too large to pack", cancellationToken);
                return;
            }

            await context.Updater.CompleteAsync($"packed {size} bytes", cancellationToken);
        }
    }
}
