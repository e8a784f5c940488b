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


// A handler that implements the generated interface explicitly, and an agent declared as a record.
[A2AAgent("Explicit greeter")]
public partial class ExplicitGreeter
{
    async Task IExplicitGreeterHandler.ExecuteAsync(ExplicitGreeterContext context, CancellationToken cancellationToken)
    {
        await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
        await context.Updater.CompleteAsync("hello " + context.Text, cancellationToken);
    }
}

[A2AAgent("Record greeter")]
public sealed partial record RecordGreeter(string Greeting)
{
    public Task ExecuteAsync(RecordGreeterContext context, CancellationToken cancellationToken) =>
        context.Updater.CompleteAsync(Greeting + " " + context.Text, cancellationToken);
}
