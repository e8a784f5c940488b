using A2A.Json;
using A2A.Protocol;
using A2A.Tasks;

namespace A2A.Storage.Tests.ScaleOut;

/// <summary>
/// SIGKILL a server in the middle of streaming a task's updates, start it again on the same store: every update a
/// client had received is there, the stored task matches its log, the task the dead process was running is failed
/// once its lease runs out, and a resubscribe gets the final snapshot.
/// </summary>
public sealed class ServerCrashTests : IDisposable
{
    private readonly TemporaryDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_killed_server_loses_no_streamed_update_and_after_a_restart_the_task_is_settled(string store)
    {
        string connection = await DurableStores.NewConnectionStringAsync(store, _files);

        string taskId;
        string received;
        await using (TestServerProcess first = await TestServerProcess.StartAsync("first", store, connection))
        {
            (taskId, received) = await StreamUntilKilledAsync(first, chunks: 40);
        }

        await using TestServerProcess second = await TestServerProcess.StartAsync("second", store, connection);

        // The restarted server takes over the dead one's lease once it expires and fails the task; a subscriber
        // sees the snapshot, then that.
        AgentTask settled = await ScaleOutTests.FollowToEndAsync(second.Client, taskId);
        Assert.Equal(TaskState.Failed, settled.Status.State);
        Assert.StartsWith(received, ScaleOutTests.TextOf(settled), StringComparison.Ordinal);

        // The store itself: contiguous log, replaying to the stored task.
        ITaskStore opened = DurableStores.Open(store, connection);
        await using var closing = (IAsyncDisposable)opened;
        StoredTask stored = await DurableStores.AssertLogReplaysToStoredTaskAsync(opened, taskId);
        Assert.Equal(A2AJson.Serialize(stored.Task), A2AJson.Serialize(await second.Client.GetTaskAsync(taskId)));
    }

    // Streams a "stream" task from the server until enough chunks arrived, then SIGKILLs the server mid-stream.
    private static async Task<(string TaskId, string Received)> StreamUntilKilledAsync(TestServerProcess server, int chunks)
    {
        var folded = new ClientTaskManager();
        using var stop = new CancellationTokenSource(TestServerProcess.Hang);
        await foreach (StreamResponse change in server.Client.SendStreamingMessageAsync(new SendMessageRequest { Message = Message.FromUser("stream") }, stop.Token))
        {
            folded.Process(change);
            string text = ScaleOutTests.TextOf(folded.GetTaskOrThrow());
            if (text.Split(';', StringSplitOptions.RemoveEmptyEntries).Length >= chunks)
            {
                await server.KillAsync();
                return (folded.GetTaskOrThrow().Id, text);
            }
        }

        Assert.Fail("The stream ended before the server was killed.");
        return default;
    }
}
