using System.Text.Json.Serialization;
using A2A.Agents;
using A2A.Lifecycle;

namespace QuickStart;

/// <summary>What the agent produces: a typed artifact the client reads back as this record.</summary>
public sealed record Itinerary(string City, IReadOnlyList<string> Days, string Travellers);

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Itinerary))]
internal sealed partial class QuickStartJson : JsonSerializerContext;

/// <summary>
/// The agent. [A2AAgent] makes the generator emit TripPlannerTaskManager, TripPlannerTaskUpdater (with
/// RequireInputAsync because input-required is declared, and AddItineraryAsync for the typed artifact),
/// TripPlannerClientTaskManager, TripPlannerContext, TripPlannerAgentCard, and the AddTripPlannerAgent() and
/// MapTripPlannerAgent() hosting extensions. A message that asks for no plan gets a direct reply and no task.
/// </summary>
[A2AAgent("Trip planner", Description = "Plans short trips; asks who is travelling.", OptionalStates = OptionalTaskStates.InputRequired, JsonContext = typeof(QuickStartJson), PushNotifications = true)]
[A2ASkill("plan", "Plan a trip", Tags = ["travel"], Examples = ["Plan a weekend in Lisbon"])]
[A2AArtifact(typeof(Itinerary), Name = "itinerary")]
public partial class TripPlanner
{
    public async Task ExecuteAsync(TripPlannerContext context, CancellationToken cancellationToken)
    {
        // Small talk needs no task: a direct reply answers the message and nothing is stored.
        if (context.IsFirstTurn && !context.Text.Contains("plan", StringComparison.OrdinalIgnoreCase))
        {
            await context.ReplyAsync("I plan trips: ask me to \"Plan a weekend in Lisbon\".", cancellationToken);
            return;
        }

        TripPlannerTaskUpdater updater = context.Updater;
        await updater.StartWorkAsync("planning…", cancellationToken); // the task is stored by this first update

        if (context.Text.Contains("world tour", StringComparison.Ordinal))
        {
            while (true)
            {
                // Long work that ends only when the client cancels: the token throws, and the runtime cancels the task.
                await Task.Delay(100, cancellationToken);
            }
        }

        if (context.IsFirstTurn)
        {
            // First turn: stream a draft in two chunks, then ask a question and wait for the answer.
            string draft = await updater.AddTextArtifactAsync("Day 1: Alfama and the castle. ", name: "draft");
            await updater.AddTextArtifactAsync("Day 2: Belém and pastéis.", artifactId: draft, name: "draft", append: true, lastChunk: true);
            await updater.RequireInputAsync("How many travellers, and what budget?", cancellationToken);
            return;
        }

        // Second turn, same task: the answer is the incoming message.
        await updater.AddItineraryAsync(new Itinerary("Lisbon", ["Alfama and the castle", "Belém and pastéis"], context.Text), cancellationToken: cancellationToken);
        await updater.CompleteAsync($"Booked for: {context.Text}", cancellationToken);
    }
}
