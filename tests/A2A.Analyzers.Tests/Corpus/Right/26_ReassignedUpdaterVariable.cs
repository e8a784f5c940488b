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

// The updater held in a local, and a message built before finishing.
[A2AAgent("Greeter")]
public partial class Greeter
{
    public async Task ExecuteAsync(GreeterContext context, CancellationToken cancellationToken)
    {
        var updater = context.Updater;
        string name = string.IsNullOrWhiteSpace(context.Text) ? "stranger" : context.Text.Trim();
        Message reply = updater.NewAgentMessage($"Hello, {name}!");
        await updater.StartWorkAsync(cancellationToken: cancellationToken);
        await updater.CompleteAsync(reply, cancellationToken);
    }
}
