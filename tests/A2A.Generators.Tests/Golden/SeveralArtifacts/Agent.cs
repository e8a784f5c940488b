using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using A2A.Agents;

namespace Samples.Travel;

public sealed record Itinerary(string City, IReadOnlyList<string> Days);

public sealed record PriceQuote(decimal Amount, string Currency);

public sealed record Warning(string Text);

[A2AAgent("Trip planner", Description = "Plans trips.")]
[A2AArtifact(typeof(Itinerary))]
[A2AArtifact(typeof(PriceQuote), Name = "price-quote")]
[A2AArtifact(typeof(Warning), Name = "travel warning")]
[A2ASkill("plan", "Plan a trip", Tags = new[] { "travel" })]
public partial class TripPlannerAgent
{
    public async Task ExecuteAsync(TripPlannerAgentContext context, CancellationToken cancellationToken)
    {
        await context.Updater.StartWorkAsync("planning", cancellationToken);
        await context.Updater.AddItineraryAsync(new Itinerary(context.Text, new[] { "Alfama", "Belém" }), cancellationToken: cancellationToken);
        await context.Updater.AddPriceQuoteAsync(new PriceQuote(420.50m, "EUR"), cancellationToken: cancellationToken);
        await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
    }
}
