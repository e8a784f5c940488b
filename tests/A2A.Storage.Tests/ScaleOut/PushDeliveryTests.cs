using A2A.Protocol;
using A2A.Testing;

namespace A2A.Storage.Tests.ScaleOut;

/// <summary>
/// Push notifications from real server processes over a durable store: a delivery pending when its server is killed
/// (SIGKILL) is made after a restart, and two instances on one PostgreSQL deliver each event once, one taking over
/// the other's deliveries when it dies.
/// </summary>
public sealed class PushDeliveryTests : IDisposable
{
    private readonly TemporaryDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_pending_delivery_survives_a_killed_server_and_is_made_after_the_restart(string store)
    {
        string connection = await DurableStores.NewConnectionStringAsync(store, _files);
        await using WebhookReceiver hook = await WebhookReceiver.StartAsync();
        hook.FailNext(int.MaxValue);

        string taskId;
        await using (TestServerProcess first = await TestServerProcess.StartAsync("first", store, connection))
        {
            taskId = (await first.Client.SendMessageAsync(WithHook("input", hook))).Task!.Id;
            await WaitForAttemptAsync(hook, taskId); // the webhook refused it: the delivery is pending
            await first.KillAsync();
        }

        hook.FailNext(0);
        await using TestServerProcess second = await TestServerProcess.StartAsync("second", store, connection);
        IReadOnlyList<WebhookReceiver.Received> got = await hook.WaitForAsync(r => Of(r, taskId).Contains("status TASK_STATE_INPUT_REQUIRED"));
        Assert.Equal(["task TASK_STATE_SUBMITTED", "status TASK_STATE_INPUT_REQUIRED"], Of(got, taskId));
    }

    [Fact]
    public async Task Two_instances_on_one_database_deliver_each_event_once_and_a_survivor_resumes_a_dead_ones_deliveries()
    {
        string connection = await DurableStores.NewConnectionStringAsync("postgres", _files);
        await using WebhookReceiver hook = await WebhookReceiver.StartAsync();
        await using TestServerProcess a = await TestServerProcess.StartAsync("a", "postgres", connection);
        await using TestServerProcess b = await TestServerProcess.StartAsync("b", "postgres", connection);

        // Tasks on both instances, each pushing its status changes and one completed artifact.
        string[] tasks = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
            (await (i % 2 == 0 ? a : b).Client.SendMessageAsync(WithHook("count 3", hook))).Task!.Id));
        IReadOnlyList<WebhookReceiver.Received> got = await hook.WaitForAsync(r => tasks.All(t => Of(r, t).Contains("status TASK_STATE_COMPLETED")));
        string[] expected = ["task TASK_STATE_SUBMITTED", "status TASK_STATE_WORKING", "artifact chunk 0;chunk 1;chunk 2;", "status TASK_STATE_COMPLETED"];
        Assert.All(tasks, t => Assert.Equal(expected, Of(got, t)));

        // A delivery a's webhook refuses stays pending while a lives; killed, b resumes it once a's claim expires.
        hook.FailNext(int.MaxValue);
        string pending = (await a.Client.SendMessageAsync(WithHook("input", hook))).Task!.Id;
        await WaitForAttemptAsync(hook, pending);
        await a.KillAsync();
        hook.FailNext(0);
        got = await hook.WaitForAsync(r => Of(r, pending).Contains("status TASK_STATE_INPUT_REQUIRED"));
        Assert.Equal(["task TASK_STATE_SUBMITTED", "status TASK_STATE_INPUT_REQUIRED"], Of(got, pending));
    }

    private static SendMessageRequest WithHook(string text, WebhookReceiver hook) => new()
    {
        Message = Message.FromUser(text),
        Configuration = new SendMessageConfiguration { TaskPushNotificationConfig = hook.Config() },
    };

    // The accepted notifications of one task, in arrival order.
    private static string[] Of(IReadOnlyList<WebhookReceiver.Received> received, string taskId) =>
        received.Where(r => r.Body.Contains($"\"{taskId}\"", StringComparison.Ordinal)).Select(r => r.Summary).ToArray();

    private static async Task WaitForAttemptAsync(WebhookReceiver hook, string taskId)
    {
        using var timeout = new CancellationTokenSource(WebhookReceiver.Hang);
        while (!hook.Requests.Any(r => r.Body.Contains(taskId, StringComparison.Ordinal)))
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
