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

[A2AAgent("Assistant")]
public partial class HelpDesk
{
    public Task ExecuteAsync(HelpDeskContext context, CancellationToken cancellationToken) => context.Updater.CompleteAsync(cancellationToken: cancellationToken);
}

[A2AAgent("Assistant")]
public partial class {|A2A0003:SalesDesk|}
{
    public Task ExecuteAsync(SalesDeskContext context, CancellationToken cancellationToken) => context.Updater.CompleteAsync(cancellationToken: cancellationToken);
}
