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

// Skips blank entries with continue; finishes after the loop.
[A2AAgent("Link checker")]
public partial class LinkChecker
{
    public async Task ExecuteAsync(LinkCheckerContext context, CancellationToken cancellationToken)
    {
        await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
        int broken = 0;
        foreach (string link in context.Text.Split(' '))
        {
            if (string.IsNullOrWhiteSpace(link))
            {
                continue;
            }

            bool ok = Uri.TryCreate(link, UriKind.Absolute, out _);
            broken += ok ? 0 : 1;
            await context.Updater.AddTextArtifactAsync($"{link}: {(ok ? "ok" : "broken")}", artifactId: "results", append: true, cancellationToken: cancellationToken);
        }

        if (broken > 0)
        {
            await context.Updater.FailAsync($"{broken} broken link(s)", cancellationToken);
        }
        else
        {
            await context.Updater.CompleteAsync("all links are fine", cancellationToken);
        }
    }
}
