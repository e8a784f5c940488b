using System.Collections.Concurrent;
using System.Text;
using A2A.AspNetCore.Push;
using A2A.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace A2A.Testing;

/// <summary>
/// A push notification webhook on 127.0.0.1 (a free port), built with <c>MapA2APushReceiver</c>: it records every
/// request it gets (headers, body, answer), can be told to fail the next ones with 503, and feeds what it accepts
/// into a <see cref="PushNotificationTaskFeed"/> (every task id is expected).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    // A hang detector for waits that must end, not a timing assert.
    public static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    private readonly WebApplication _app;
    private readonly SemaphoreSlim _arrived = new(0);
    private int _failNext;

    private WebhookReceiver(WebApplication app, string credentials)
    {
        _app = app;
        Credentials = credentials;
    }

    /// <summary>The credentials the webhook expects after <c>Bearer</c>.</summary>
    public string Credentials { get; }

    /// <summary>The webhook's URL.</summary>
    public string Url { get; private set; } = "";

    /// <summary>The tasks as the accepted notifications left them.</summary>
    public PushNotificationTaskFeed Feed { get; } = new();

    /// <summary>Every request, in arrival order.</summary>
    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>Answers the next <paramref name="count"/> requests 503 (they are still recorded).</summary>
    public void FailNext(int count) => Volatile.Write(ref _failNext, count);

    /// <summary>The notifications accepted (answered 2xx) so far, in order.</summary>
    public IReadOnlyList<Received> Accepted => Requests.Where(r => r.Status is >= 200 and < 300).ToArray();

    public static async Task<WebhookReceiver> StartAsync(string credentials = "hook-secret")
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var receiver = new WebhookReceiver(app, credentials);
        app.Use(receiver.RecordAsync);
        app.MapA2APushReceiver("/hook", new PushReceiverOptions
        {
            Authenticate = c => c.Matches("Bearer", credentials),
            OnNotification = (notification, token) =>
            {
                receiver.Feed.Track(notification.TaskId!);
                return receiver.Feed.ReceiveAsync(notification, token);
            },
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hook";
        return receiver;
    }

    /// <summary>Waits until the accepted notifications satisfy <paramref name="done"/>, and returns them.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(Func<IReadOnlyList<Received>, bool> done)
    {
        using var timeout = new CancellationTokenSource(Hang);
        while (true)
        {
            IReadOnlyList<Received> accepted = Accepted;
            if (done(accepted))
            {
                return accepted;
            }

            try
            {
                await _arrived.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The webhook never received what the test waited for. Requests:\n{string.Join('\n', Requests.Select(r => $"{r.Status} {r.Body}"))}");
            }
        }
    }

    /// <summary>A push notification config aimed at this webhook.</summary>
    public TaskPushNotificationConfig Config(string? taskId = null, string? token = null) => new()
    {
        TaskId = taskId,
        Url = Url,
        Token = token,
        Authentication = new AuthenticationInfo { Scheme = "Bearer", Credentials = Credentials },
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        context.Request.EnableBuffering();
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync();
        }

        context.Request.Body.Position = 0;
        if (Interlocked.Decrement(ref _failNext) >= 0)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
        else
        {
            Interlocked.Exchange(ref _failNext, 0);
            await next(context);
        }

        Requests.Enqueue(new Received(
            context.Request.Headers.Authorization.ToString(),
            context.Request.Headers[PushCredentials.TokenHeader].ToString(),
            context.Request.ContentType ?? "",
            body,
            context.Response.StatusCode));
        _arrived.Release();
    }

    /// <summary>One request the webhook got.</summary>
    public sealed record Received(string Authorization, string Token, string ContentType, string Body, int Status)
    {
        /// <summary>The notification's kind and, for a task or status update, its state.</summary>
        public string Summary
        {
            get
            {
                StreamResponse notification = A2A.Json.A2AJson.Deserialize<StreamResponse>(Body);
                return notification.Kind switch
                {
                    StreamResponseKind.Task => "task " + notification.Task!.Status.State.ToWireName(),
                    StreamResponseKind.StatusUpdate => "status " + notification.StatusUpdate!.Status.State.ToWireName(),
                    StreamResponseKind.ArtifactUpdate => "artifact " + string.Concat(notification.ArtifactUpdate!.Artifact.Parts.Select(p => p.Text)),
                    _ => notification.Kind.ToString(),
                };
            }
        }
    }
}
