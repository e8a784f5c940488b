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


// Artifact types System.Text.Json can read back in other ways: a [JsonConstructor] that is not public, and a class
// with a primary constructor.
public sealed class Receipt
{
    [System.Text.Json.Serialization.JsonConstructor]
    internal Receipt(string number) => Number = number;

    public string Number { get; }

    public static Receipt Create(string number) => new(number);
}

public sealed class Stamp(string text)
{
    public string Text { get; } = text;
}

[A2AAgent("Shop")]
[A2AArtifact(typeof(Receipt))]
[A2AArtifact(typeof(Stamp))]
public partial class Shop
{
    public async Task ExecuteAsync(ShopContext context, CancellationToken cancellationToken)
    {
        await context.Updater.AddReceiptAsync(Receipt.Create("R-1"), cancellationToken: cancellationToken);
        await context.Updater.AddStampAsync(new Stamp("paid"), cancellationToken: cancellationToken);
        await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
    }
}
