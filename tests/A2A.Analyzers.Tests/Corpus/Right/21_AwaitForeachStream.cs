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

// Consumes an async stream (a model's tokens, say) into one appended artifact.
[A2AAgent("Chat")]
public partial class ChatAgent
{
    public async Task ExecuteAsync(ChatAgentContext context, CancellationToken cancellationToken)
    {
        await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
        string? id = null;
        await foreach (string token in GenerateAsync(context.Text, cancellationToken))
        {
            id = await context.Updater.AddTextArtifactAsync(token, id, name: "answer", append: id is not null, cancellationToken: cancellationToken);
        }

        await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
    }

    private static async IAsyncEnumerable<string> GenerateAsync(string prompt, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (string word in ("You asked: " + prompt).Split(' '))
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return word + " ";
        }
    }
}
