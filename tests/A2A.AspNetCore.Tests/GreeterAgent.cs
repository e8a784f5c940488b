using A2A.Agents;

namespace A2A.AspNetCore.Tests;

/// <summary>A second agent for hosting tests: greets, and throws on "crash" (with a secret in the exception text).</summary>
[A2AAgent("Greeter", Description = "Says hello")]
[A2ASkill("greet", "Greet")]
public partial class GreeterAgent
{
    public const string Secret = "password=hunter2";

    public async Task ExecuteAsync(GreeterAgentContext context, CancellationToken cancellationToken)
    {
        await context.Updater.StartWorkAsync(cancellationToken: cancellationToken);
        if (context.Text == "crash")
        {
            throw new InvalidOperationException("Database unreachable: " + Secret);
        }

        await context.Updater.CompleteAsync("Hello, " + context.Text, cancellationToken);
    }
}
