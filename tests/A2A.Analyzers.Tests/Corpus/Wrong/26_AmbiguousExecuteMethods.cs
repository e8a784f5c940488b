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

[A2AAgent("Overloaded")]
public partial class {|A2A0002:Overloaded|}
{
    public Task ExecuteAsync(OverloadedContext context, CancellationToken cancellationToken) => context.Updater.CompleteAsync(cancellationToken: cancellationToken);

    public Task ExecuteAsync(OverloadedContext context) => context.Updater.CompleteAsync();
}
