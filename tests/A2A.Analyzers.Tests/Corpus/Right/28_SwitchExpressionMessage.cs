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

// A switch expression picks the reply; one terminal call follows.
[A2AAgent("Status page")]
public partial class StatusPage
{
    public async Task ExecuteAsync(StatusPageContext context, CancellationToken cancellationToken)
    {
        string reply = context.Text.Trim().ToLowerInvariant() switch
        {
            "api" => "API: operational",
            "db" or "database" => "Database: degraded",
            { Length: 0 } => "Ask about 'api' or 'db'.",
            var other => $"No component named '{other}'.",
        };
        await context.Updater.CompleteAsync(reply, cancellationToken);
    }
}
