using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace A2A.Diagnostics;

/// <summary>
/// The toolkit's OpenTelemetry-compatible instruments, under the name <c>A2A</c> (no exporter dependency: subscribe
/// with <c>AddSource("A2A")</c> / <c>AddMeter("A2A")</c>, or with an ActivityListener / MeterListener).
/// </summary>
public static class A2ATelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "A2A";

    /// <summary>Spans for server requests (one per JSON-RPC call) and push notification attempts.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name);

    /// <summary>The meter every instrument below belongs to.</summary>
    public static Meter Meter { get; } = new(Name);

    /// <summary>Task status changes that were stored, tagged <c>a2a.task.state</c> (the new state's wire name).</summary>
    public static Counter<long> TaskTransitions { get; } = Meter.CreateCounter<long>("a2a.task.transitions", "{transition}", "Task status changes stored, by new state.");

    /// <summary>Changes the lifecycle refused (for example an update to a terminal task), tagged <c>a2a.task.state</c> (the state the task was in).</summary>
    public static Counter<long> RefusedChanges { get; } = Meter.CreateCounter<long>("a2a.task.refused", "{change}", "Task changes refused by the lifecycle, by current state.");

    /// <summary>Handlers that threw (their tasks fail), tagged <c>error.type</c> (the exception's type name).</summary>
    public static Counter<long> HandlerFailures { get; } = Meter.CreateCounter<long>("a2a.handler.failures", "{failure}", "Agent handlers that threw an exception.");

    /// <summary>Messages a handler answered with a direct reply instead of a task (no task was stored for them).</summary>
    public static Counter<long> DirectReplies { get; } = Meter.CreateCounter<long>("a2a.handler.replies", "{reply}", "Messages answered with a direct reply and no task.");

    /// <summary>Server requests, tagged <c>rpc.method</c> and <c>rpc.jsonrpc.error_code</c> (absent on success).</summary>
    public static Counter<long> ServerRequests { get; } = Meter.CreateCounter<long>("a2a.server.requests", "{request}", "JSON-RPC requests answered.");

    /// <summary>
    /// Push notifications that ended, tagged <c>a2a.push.outcome</c>: <c>delivered</c>, <c>failed</c> (the webhook
    /// refused it, or every attempt failed) or <c>refused</c> (the destination is an address the server may not call).
    /// </summary>
    public static Counter<long> PushNotifications { get; } = Meter.CreateCounter<long>("a2a.push.notifications", "{notification}", "Push notifications delivered, failed or refused.");

    /// <summary>Push notification attempts that failed and will be tried again.</summary>
    public static Counter<long> PushRetries { get; } = Meter.CreateCounter<long>("a2a.push.retries", "{attempt}", "Push notification attempts retried.");

    /// <summary>Duration of one push notification attempt in seconds, tagged <c>a2a.push.outcome</c> of the attempt.</summary>
    public static Histogram<double> PushAttemptDuration { get; } = Meter.CreateHistogram<double>("a2a.push.attempt.duration", "s", "Push notification attempt duration.");

    /// <summary>Server request duration in seconds (for streams: until the stream ends), tagged <c>rpc.method</c>.</summary>
    public static Histogram<double> ServerRequestDuration { get; } = Meter.CreateHistogram<double>("a2a.server.request.duration", "s", "JSON-RPC request duration.");
}
