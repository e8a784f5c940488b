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

// ConfigureAwait(false) does not hide a lifecycle call from the rules: an update after the terminal state, and a
// call whose configured awaitable is dropped.
[A2AAgent("Configured")]
public partial class Configured
{
    public async Task ExecuteAsync(ConfiguredContext context, CancellationToken cancellationToken)
    {
        await context.Updater.CompleteAsync("done", cancellationToken).ConfigureAwait(false);
        await {|A2A1001:context.Updater.AddTextArtifactAsync("late", cancellationToken: cancellationToken)|}.ConfigureAwait(false);
    }

    public void Report(ConfiguredContext context, CancellationToken cancellationToken)
    {
        {|A2A1005:context.Updater.AddTextArtifactAsync("fire and forget", cancellationToken: cancellationToken)|}.ConfigureAwait(false);
    }
}
