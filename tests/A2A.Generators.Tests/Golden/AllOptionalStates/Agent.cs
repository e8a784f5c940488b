using System.Threading;
using System.Threading.Tasks;
using A2A.Agents;
using A2A.Lifecycle;

namespace Samples.Booking;

[A2AAgent("Table booking", Description = "Books restaurant tables; asks for details, may need a login, may decline.", Version = "2.1.0",
    OptionalStates = OptionalTaskStates.InputRequired | OptionalTaskStates.AuthRequired | OptionalTaskStates.Rejected)]
[A2ASkill("book", "Book a table", Description = "Reserve a table for a party.", Tags = new[] { "booking", "restaurant" }, Examples = new[] { "A table for 4 at 8pm" })]
[A2ASkill("cancel", "Cancel a booking", Tags = new[] { "booking" })]
public partial class BookingAgent
{
    public async Task ExecuteAsync(BookingAgentContext context, CancellationToken cancellationToken)
    {
        if (context.Text.Length == 0)
        {
            await context.Updater.RejectAsync("Nothing to book.", cancellationToken);
            return;
        }

        if (context.Task.History.Count == 1)
        {
            await context.Updater.RequireInputAsync("For how many people?", cancellationToken);
            return;
        }

        await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
        await context.Updater.CompleteAsync("Booked: " + context.Text, cancellationToken);
    }
}
