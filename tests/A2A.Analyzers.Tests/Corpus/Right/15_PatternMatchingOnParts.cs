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

// Looks at the message parts: a file part gets a different answer than text.
[A2AAgent("Part inspector")]
public partial class PartInspector
{
    public async Task ExecuteAsync(PartInspectorContext context, CancellationToken cancellationToken)
    {
        if (context.Message.Parts is [{ Url: { } url }, ..])
        {
            await context.Updater.CompleteAsync("I will fetch " + url, cancellationToken);
        }
        else if (context.Message.Parts is [{ Text: { Length: > 0 } text }])
        {
            await context.Updater.CompleteAsync("You said: " + text, cancellationToken);
        }
        else
        {
            await context.Updater.FailAsync("Send text or a link.", cancellationToken);
        }
    }
}
