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

public sealed class ImportService(TaskManager manager)
{
    public async Task ImportAsync(Message request, CancellationToken cancellationToken)
    {
        AgentTask task = await manager.CreateTaskAsync(request, cancellationToken: cancellationToken);
        await manager.UpdateStatusAsync(task.Id, TaskState.Completed, cancellationToken: cancellationToken);
        var artifact = new Artifact { ArtifactId = "rows", Parts = [Part.FromText("1,2,3")] };
        await {|A2A1001:manager.AddArtifactAsync(task.Id, artifact, cancellationToken: cancellationToken)|};
    }
}
