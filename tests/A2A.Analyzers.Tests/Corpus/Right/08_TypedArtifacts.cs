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

public sealed record Forecast(string City, double HighCelsius, double LowCelsius);

// Typed artifacts through the generated Add{Artifact}Async.
[A2AAgent("Weather")]
[A2AArtifact(typeof(Forecast))]
public partial class WeatherAgent
{
    public async Task ExecuteAsync(WeatherAgentContext context, CancellationToken cancellationToken)
    {
        await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
        foreach (string city in context.Text.Split(','))
        {
            await context.Updater.AddForecastAsync(new Forecast(city.Trim(), 21.5, 12.0), cancellationToken: cancellationToken);
        }

        await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
    }
}
