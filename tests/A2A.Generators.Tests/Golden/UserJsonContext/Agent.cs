using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using A2A.Agents;
using A2A.Lifecycle;

namespace Samples.Aot;

public sealed record Summary(string Title, int Words);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Summary))]
internal sealed partial class SummaryJson : JsonSerializerContext
{
}

[A2AAgent("Summarizer", JsonContext = typeof(SummaryJson), OptionalStates = OptionalTaskStates.Rejected)]
[A2AArtifact(typeof(Summary))]
internal sealed partial class Summarizer
{
    public async Task ExecuteAsync(SummarizerContext context, CancellationToken cancellationToken)
    {
        await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
        await context.Updater.AddSummaryAsync(new Summary("Summary of " + context.Text, context.Text.Split(' ').Length), cancellationToken: cancellationToken);
        await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
    }
}
