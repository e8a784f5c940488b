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

// Any error becomes a failed task with a readable message.
[A2AAgent("Parser")]
public partial class ParserAgent
{
    public async Task ExecuteAsync(ParserAgentContext context, CancellationToken cancellationToken)
    {
        try
        {
            int value = int.Parse(context.Text, System.Globalization.CultureInfo.InvariantCulture);
            await context.Updater.CompleteAsync($"{value} squared is {value * value}", cancellationToken);
        }
        catch (FormatException ex)
        {
            await context.Updater.FailAsync("Not a number: " + ex.Message, cancellationToken);
        }
    }
}
