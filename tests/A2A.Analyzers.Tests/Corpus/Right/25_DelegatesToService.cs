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

public interface IPlanner
{
    Task PlanAsync(PlannerAgentContext context, CancellationToken cancellationToken);
}

// The handler delegates the whole task to an injected service, which finishes it.
[A2AAgent("Planner")]
public partial class PlannerAgent(IPlanner planner)
{
    public Task ExecuteAsync(PlannerAgentContext context, CancellationToken cancellationToken) => planner.PlanAsync(context, cancellationToken);
}
