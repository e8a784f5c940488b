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

// An inner catch records the problem and rethrows; the outer catch fails the task once.
[A2AAgent("Ledger")]
public partial class Ledger
{
    public async Task ExecuteAsync(LedgerContext context, CancellationToken cancellationToken)
    {
        try
        {
            await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
            try
            {
                decimal amount = decimal.Parse(context.Text, System.Globalization.CultureInfo.InvariantCulture);
                await context.Updater.AddTextArtifactAsync($"posted {amount:0.00}", cancellationToken: cancellationToken);
            }
            catch (FormatException)
            {
                Console.Error.WriteLine("bad amount: " + context.Text);
                throw;
            }

            await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
        }
        catch (FormatException ex)
        {
            await context.Updater.FailAsync(ex.Message, cancellationToken);
        }
    }
}
