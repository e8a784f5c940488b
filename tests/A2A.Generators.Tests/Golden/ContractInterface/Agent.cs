using A2A.Agents;
using A2A.Lifecycle;

namespace Samples.Contracts;

public sealed record Forecast(string City, double Celsius);

/// <summary>The contract a client needs: no handler code lives here.</summary>
[A2AAgent("Weather", Description = "Forecasts.", OptionalStates = OptionalTaskStates.AuthRequired)]
[A2AArtifact(typeof(Forecast))]
public interface IWeatherAgent
{
}
