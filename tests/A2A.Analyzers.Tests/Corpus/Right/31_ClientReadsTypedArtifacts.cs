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

public sealed record Invoice(string Number, decimal Total);

[A2AAgent("Billing")]
[A2AArtifact(typeof(Invoice))]
public partial class BillingAgent
{
    public async Task ExecuteAsync(BillingAgentContext context, CancellationToken cancellationToken)
    {
        await context.Updater.AddInvoiceAsync(new Invoice("INV-1", 99.5m), cancellationToken: cancellationToken);
        await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
    }
}

// The client side: runs the agent in process and reads the typed artifact back.
public static class BillingClient
{
    public static async Task<decimal?> TotalAsync(A2A.Storage.ITaskStore store, string request, CancellationToken cancellationToken)
    {
        var manager = new BillingAgentTaskManager(store);
        AgentTask task = await manager.ExecuteAsync(new BillingAgent(), new Message { Role = Role.User, MessageId = Guid.NewGuid().ToString(), Parts = [Part.FromText(request)] }, cancellationToken);
        var client = new BillingAgentClientTaskManager();
        client.Process(new StreamResponse { Task = task });
        return client.GetInvoice()?.Total;
    }
}
