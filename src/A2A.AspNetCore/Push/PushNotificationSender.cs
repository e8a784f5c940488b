using System.Net;
using System.Net.Http.Headers;
using A2A.Protocol;

namespace A2A.AspNetCore.Push;

/// <summary>
/// One push notification attempt: a POST of one notification (a <c>StreamResponse</c> as <c>application/a2a+json</c>,
/// or for a v0.3 webhook the task in v0.3's JSON) with the configuration's credentials, judged by its answer. Retrying
/// is the caller's business.
/// </summary>
internal sealed class PushNotificationSender(Func<HttpClient> client, TimeSpan timeout)
{
    /// <summary>The content type of push notifications (A2A spec 4.3.3).</summary>
    public const string ContentType = "application/a2a+json";

    public async Task<PushAttempt> SendAsync(TaskPushNotificationConfig config, byte[] body, string contentType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, config.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (config.Authentication is { Scheme.Length: > 0 } authentication)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(authentication.Scheme, authentication.Credentials);
        }

        if (!string.IsNullOrEmpty(config.Token))
        {
            request.Headers.TryAddWithoutValidation(PushCredentials.TokenHeader, config.Token);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using HttpResponseMessage response = await client().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
            {
                return PushAttempt.Delivered;
            }

            string answer = $"the webhook answered HTTP {status} {response.ReasonPhrase}";
            if (status is >= 300 and < 400)
            {
                return PushAttempt.Failed(answer + " (redirects are not followed; register the final URL)");
            }

            return status is 408 or 425 or 429 || status >= 500
                ? PushAttempt.Retry(answer, RetryAfter(response))
                : PushAttempt.Failed(answer);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return PushAttempt.Retry($"the webhook did not answer within {timeout.TotalSeconds:0.#} s", null);
        }
        catch (HttpRequestException ex) when (FindRefusal(ex) is { } refused)
        {
            return PushAttempt.Refused(refused.Message);
        }
        catch (HttpRequestException ex)
        {
            return PushAttempt.Retry($"the webhook could not be reached: {ex.Message}", null);
        }
    }

    private static PushDestinationRefusedException? FindRefusal(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is PushDestinationRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };
}

/// <summary>How one attempt went.</summary>
/// <param name="Outcome">Delivered, worth retrying, failed for good, or refused before connecting.</param>
/// <param name="Reason">What happened, for the log (null when delivered).</param>
/// <param name="RetryAfter">The webhook's <c>Retry-After</c>, when it gave one.</param>
internal readonly record struct PushAttempt(PushOutcome Outcome, string? Reason, TimeSpan? RetryAfter)
{
    public static PushAttempt Delivered => new(PushOutcome.Delivered, null, null);

    public static PushAttempt Retry(string reason, TimeSpan? retryAfter) => new(PushOutcome.Retry, reason, retryAfter);

    public static PushAttempt Failed(string reason) => new(PushOutcome.Failed, reason, null);

    public static PushAttempt Refused(string reason) => new(PushOutcome.Refused, reason, null);
}

/// <summary>The outcome of one attempt.</summary>
internal enum PushOutcome
{
    Delivered,
    Retry,
    Failed,
    Refused,
}
