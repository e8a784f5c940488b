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

// A helper owns the finishing step; the handler hands it the updater.
[A2AAgent("Translator")]
public partial class Translator
{
    public async Task ExecuteAsync(TranslatorContext context, CancellationToken cancellationToken)
    {
        await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
        string translated = new string(context.Text.Reverse().ToArray());
        await PublishAsync(context.Updater, translated, cancellationToken);
    }

    private static async Task PublishAsync(TranslatorTaskUpdater updater, string text, CancellationToken cancellationToken)
    {
        await updater.AddTextArtifactAsync(text, name: "translation", cancellationToken: cancellationToken);
        await updater.CompleteAsync(cancellationToken: cancellationToken);
    }
}
