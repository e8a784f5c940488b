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

// Streams one artifact in chunks: the first creates it, the rest append, the last one says so.
[A2AAgent("Story teller")]
public partial class StoryTeller
{
    public async Task ExecuteAsync(StoryTellerContext context, CancellationToken cancellationToken)
    {
        string[] sentences = ["Once upon a time", " there was a task", " that always finished."];
        string? artifactId = null;
        for (int i = 0; i < sentences.Length; i++)
        {
            artifactId = await context.Updater.AddTextArtifactAsync(
                sentences[i], artifactId, name: "story", append: i > 0, lastChunk: i == sentences.Length - 1, cancellationToken: cancellationToken);
        }

        await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
    }
}
