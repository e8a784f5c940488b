using System.Threading;
using System.Threading.Tasks;
using A2A.Agents;

namespace Samples.Minimal;

[A2AAgent("Echo")]
public partial class EchoAgent
{
    public async Task ExecuteAsync(EchoAgentContext context, CancellationToken cancellationToken)
    {
        await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
        await context.Updater.CompleteAsync("echo: " + context.Text, cancellationToken);
    }
}
