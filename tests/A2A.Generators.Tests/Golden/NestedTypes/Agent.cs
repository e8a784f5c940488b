using System.Threading;
using System.Threading.Tasks;
using A2A.Agents;
using A2A.Lifecycle;

namespace Samples.Deeply.Nested.Space
{
    public static partial class Agents
    {
        internal partial class Support
        {
            [A2AAgent("Support desk", OptionalStates = OptionalTaskStates.InputRequired)]
            internal partial class Desk
            {
                public async Task ExecuteAsync(AgentsSupportDeskContext context, CancellationToken cancellationToken)
                {
                    await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
                    await context.Updater.RequireInputAsync("Which product?", cancellationToken);
                }
            }
        }
    }
}
