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

// The first word picks the command; every branch ends the task.
[A2AAgent("Calculator", OptionalStates = OptionalTaskStates.Rejected)]
public partial class Calculator
{
    public async Task ExecuteAsync(CalculatorContext context, CancellationToken cancellationToken)
    {
        string[] words = context.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (words.FirstOrDefault()?.ToLowerInvariant())
        {
            case "add":
                await context.Updater.CompleteAsync(words.Skip(1).Select(int.Parse).Sum().ToString(), cancellationToken);
                break;
            case "max" when words.Length > 1:
                await context.Updater.CompleteAsync(words.Skip(1).Select(int.Parse).Max().ToString(), cancellationToken);
                break;
            case null:
                await context.Updater.RejectAsync("Empty request.", cancellationToken);
                break;
            default:
                await context.Updater.FailAsync($"Unknown command '{words[0]}'.", cancellationToken);
                break;
        }
    }
}
