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

// Retries only transient errors, with a filter; a permanent error fails the task.
[A2AAgent("Uploader")]
public partial class Uploader
{
    public async Task ExecuteAsync(UploaderContext context, CancellationToken cancellationToken)
    {
        int attempt = 0;
        while (true)
        {
            try
            {
                attempt++;
                await UploadAsync(context.Text, attempt, cancellationToken);
                await context.Updater.CompleteAsync($"uploaded after {attempt} attempt(s)", cancellationToken);
                return;
            }
            catch (System.Net.Http.HttpRequestException ex) when (ex.StatusCode is System.Net.HttpStatusCode.ServiceUnavailable && attempt < 5)
            {
                await context.Updater.AddTextArtifactAsync($"attempt {attempt} failed, retrying", artifactId: "log", append: attempt > 1, cancellationToken: cancellationToken);
            }
            catch (System.Net.Http.HttpRequestException ex)
            {
                await context.Updater.FailAsync("upload failed: " + ex.Message, cancellationToken);
                return;
            }
        }
    }

    private static Task UploadAsync(string payload, int attempt, CancellationToken cancellationToken) => Task.CompletedTask;
}
