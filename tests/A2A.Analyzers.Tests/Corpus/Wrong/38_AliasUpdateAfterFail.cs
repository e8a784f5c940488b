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

// The Untyped view and the typed updater are the same task: failing through one and updating through the other is
// an update after a terminal state.
[A2AAgent("Two faces")]
public partial class TwoFaces
{
    public async Task ExecuteAsync(TwoFacesContext context, CancellationToken cancellationToken)
    {
        var raw = context.Updater.Untyped;
        await raw.FailAsync(cancellationToken: cancellationToken);
        await {|A2A1001:context.Updater.AddTextArtifactAsync("too late", cancellationToken: cancellationToken)|};
    }
}
