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

// Asks for credentials when the message carries none.
[A2AAgent("Mailbox", OptionalStates = OptionalTaskStates.AuthRequired)]
public partial class Mailbox
{
    public async Task ExecuteAsync(MailboxContext context, CancellationToken cancellationToken)
    {
        bool signedIn = context.Message.Metadata.ContainsKey("token");
        if (!signedIn)
        {
            await context.Updater.RequireAuthAsync("Please sign in to read your mail.", cancellationToken);
        }
        else
        {
            await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
            await context.Updater.CompleteAsync("You have 3 unread messages.", cancellationToken);
        }
    }
}
