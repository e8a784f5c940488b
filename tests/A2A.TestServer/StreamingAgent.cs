using A2A.Agents;
using A2A.Lifecycle;

namespace A2A.TestServer;

/// <summary>
/// The agent every test server instance runs. "stream": working, then one artifact chunk after another until
/// canceled; "wait": working, one chunk, then nothing until canceled; "count N": N chunks, then completed; "input": asks for input, and the follow-up completes it with an
/// artifact naming the instance that ran it; anything else completes at once.
/// </summary>
[A2AAgent("scale-out test agent", OptionalStates = OptionalTaskStates.InputRequired, PushNotifications = true)]
public partial class StreamingAgent
{
    /// <summary>Set by Program: which instance this is, shown in results.</summary>
    public static string InstanceName { get; set; } = "";

    public async Task ExecuteAsync(StreamingAgentContext context, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(context, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The tests read this to know the handler's token fired (a CancelTask may have reached another instance).
            Console.WriteLine($"canceled {context.Task.Id}");
            throw;
        }
        finally
        {
            Console.WriteLine($"ended {context.Task.Id}");
        }
    }

    private static async Task RunAsync(StreamingAgentContext context, CancellationToken cancellationToken)
    {
        string text = context.Text.Trim();
        if (text == "input" && context.IsFirstTurn)
        {
            await context.Updater.RequireInputAsync("say something", cancellationToken);
            return;
        }

        await context.Updater.StartWorkAsync($"working on {InstanceName}", cancellationToken);
        if (!context.IsFirstTurn)
        {
            await context.Updater.AddTextArtifactAsync($"{InstanceName} got {text}", "answer", "answer", lastChunk: true, cancellationToken: cancellationToken);
        }
        else if (text == "stream")
        {
            for (int i = 0; ; i++)
            {
                // Appending chunks: a torn write would show as a task that does not match its log.
                await context.Updater.AddTextArtifactAsync($"chunk {i};", "stream", "stream", append: i > 0, cancellationToken: cancellationToken);
                await Task.Delay(5, cancellationToken);
            }
        }
        else if (text == "wait")
        {
            await context.Updater.AddTextArtifactAsync("chunk 0;", "stream", "stream", cancellationToken: cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken); // only the token ends it
        }
        else if (text.StartsWith("count ", StringComparison.Ordinal) && int.TryParse(text[6..], out int count))
        {
            for (int i = 0; i < count; i++)
            {
                await context.Updater.AddTextArtifactAsync($"chunk {i};", "stream", "stream", append: i > 0, lastChunk: i == count - 1, cancellationToken: cancellationToken);
            }
        }

        await context.Updater.CompleteAsync(cancellationToken: cancellationToken);
    }
}
