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

// A path that throws is fine: the runtime fails the task with the exception's message.
[A2AAgent("Divider")]
public partial class Divider
{
    public async Task ExecuteAsync(DividerContext context, CancellationToken cancellationToken)
    {
        string[] operands = context.Text.Split('/');
        if (operands.Length != 2)
        {
            throw new ArgumentException("Expected 'a / b'.");
        }

        double result = double.Parse(operands[0]) / double.Parse(operands[1]);
        await context.Updater.CompleteAsync(result.ToString("R"), cancellationToken);
    }
}
