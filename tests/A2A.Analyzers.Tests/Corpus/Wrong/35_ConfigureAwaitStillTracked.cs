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

// ConfigureAwait(false) does not hide a lifecycle call from the rules: an update after the terminal state, a
// call whose configured awaitable is dropped, and a handler that can return with its task still working.
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

[A2AAgent("Configured lookup")]
public partial class ConfiguredLookup
{
    public async Task {|A2A1004:ExecuteAsync|}(ConfiguredLookupContext context, CancellationToken cancellationToken)
    {
        await context.Updater.StartWorkAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (context.Text.Length > 0)
        {
            await context.Updater.CompleteAsync("found " + context.Text, cancellationToken).ConfigureAwait(false);
        }
    }
}
