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

// Exactly one terminal call on each branch.
[A2AAgent("Validator")]
public partial class Validator
{
    public async Task ExecuteAsync(ValidatorContext context, CancellationToken cancellationToken)
    {
        bool valid = context.Text.All(char.IsLetterOrDigit);
        if (valid)
        {
            await context.Updater.CompleteAsync("valid", cancellationToken);
        }
        else
        {
            await context.Updater.FailAsync("only letters and digits are allowed", cancellationToken);
        }
    }
}
