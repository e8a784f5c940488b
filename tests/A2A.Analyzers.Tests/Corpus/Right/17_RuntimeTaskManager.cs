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

// Code over the runtime TaskManager directly: one terminal change per task, nothing after it.
public sealed class ImportService(TaskManager manager)
{
    public async Task<AgentTask> ImportAsync(Message request, IReadOnlyList<string> rows, CancellationToken cancellationToken)
    {
        AgentTask task = await manager.CreateTaskAsync(request, cancellationToken: cancellationToken);
        await manager.UpdateStatusAsync(task.Id, TaskState.Working, cancellationToken: cancellationToken);
        foreach (string row in rows)
        {
            var artifact = new Artifact { ArtifactId = Guid.NewGuid().ToString("n"), Parts = [Part.FromText(row)] };
            await manager.AddArtifactAsync(task.Id, artifact, cancellationToken: cancellationToken);
        }

        return await manager.UpdateStatusAsync(task.Id, TaskState.Completed, cancellationToken: cancellationToken);
    }
}
