using A2A.Client;
using A2A.Protocol;
using A2A.Storage.Sqlite;

namespace A2A.Storage.Tests.Server;

/// <summary>
/// What a request costs the durable store: one commit per change the agent makes (its first change creates the task
/// in the same write), the run lease riding on those writes (taken by the write that creates the task or appends a
/// follow-up, ended by the write that finishes it; only a turn that leaves its task waiting for input pays one commit
/// of its own, to release it), and nothing at all for a direct reply.
/// </summary>
public sealed class RequestCostTests
{
    [Theory]
    [InlineData(ProtocolBindings.JsonRpc)]
    [InlineData(ProtocolBindings.HttpJson)]
    public async Task A_task_costs_one_commit_per_change_and_its_lease_no_commit_of_its_own(string binding)
    {
        await using StoreServer server = await StoreServer.StartAsync("sqlite");
        (var store, A2AClient client) = await WarmAsync(server, binding);
        AgentTask task = null!;

        // The echo agent's three changes (the artifact, which creates the task in the same write; the last chunk; the
        // completion) are three commits: none takes the lease, none releases it, none creates the task on its own.
        Assert.Equal(3, await CommitsOfAsync(store, async () => task = (await client.SendMessageAsync(Send(Message.FromUser("hello")))).Task!));
        Assert.Equal(TaskState.Completed, task.Status.State);
        Assert.True(await store.TryAcquireLeaseAsync(task.Id, "another instance", TimeSpan.FromMinutes(1)));
    }

    [Theory]
    [InlineData(ProtocolBindings.JsonRpc)]
    [InlineData(ProtocolBindings.HttpJson)]
    public async Task A_turn_pays_its_lease_at_most_one_commit_of_its_own(string binding)
    {
        await using StoreServer server = await StoreServer.StartAsync("sqlite");
        (var store, A2AClient client) = await WarmAsync(server, binding);

        // A turn that leaves its task waiting for input: its one write, then the release of its lease.
        AgentTask waiting = null!;
        Assert.Equal(2, await CommitsOfAsync(store, async () => waiting = (await client.SendMessageAsync(Send(Message.FromUser(StoreServer.AskForInput)))).Task!));
        Assert.Equal(TaskState.InputRequired, waiting.Status.State);

        // The follow-up: its message is appended with the lease taken in the same write, then the echo's four changes
        // (the artifact, added while the task still waits for input; working again; the last chunk; the completion,
        // which ends the lease). The blocking answer is the turn's outcome, not its first write.
        AgentTask done = null!;
        Message more = Message.FromUser("more") with { TaskId = waiting.Id, ContextId = waiting.ContextId };
        Assert.Equal(5, await CommitsOfAsync(store, async () => done = (await client.SendMessageAsync(Send(more))).Task!));
        Assert.Equal(TaskState.Completed, done.Status.State);
        Assert.True(await store.TryAcquireLeaseAsync(done.Id, "another instance", TimeSpan.FromMinutes(1)));
    }

    [Theory]
    [InlineData(ProtocolBindings.JsonRpc)]
    [InlineData(ProtocolBindings.HttpJson)]
    public async Task A_direct_reply_writes_nothing(string binding)
    {
        await using StoreServer server = await StoreServer.StartAsync("sqlite");
        (var store, A2AClient client) = await WarmAsync(server, binding);
        SendMessageResponse answer = null!;

        Assert.Equal(0, await CommitsOfAsync(store, async () =>
        {
            answer = await client.SendMessageAsync(Send(Message.FromUser(StoreServer.DirectReply)));
            await foreach (StreamResponse _ in client.SendStreamingMessageAsync(Send(Message.FromUser(StoreServer.DirectReply))))
            {
            }
        }));
        Assert.NotNull(answer.Message);
    }

    private static SendMessageRequest Send(Message message) => new() { Message = message };

    // The server's store and a client whose first request (and the server's first commits) are behind it.
    private static async Task<(SqliteTaskStore Store, A2AClient Client)> WarmAsync(StoreServer server, string binding)
    {
        A2AClient client = await server.ClientAsync(binding, "1.0");
        await client.SendMessageAsync(Send(Message.FromUser("warm up")));
        var store = (SqliteTaskStore)server.Store;
        await WaitForQuietAsync(store);
        return (store, client);
    }

    // The commits made by the request and by the run it started, which ends (and releases anything it still held) just
    // after the answer is sent.
    private static async Task<long> CommitsOfAsync(SqliteTaskStore store, Func<Task> request)
    {
        long before = store.Commits;
        await request();
        await WaitForQuietAsync(store);
        return store.Commits - before;
    }

    // Until the commit count has stood still for a while, bounded.
    private static async Task WaitForQuietAsync(SqliteTaskStore store)
    {
        long seen = -1;
        for (int i = 0; i < 100 && store.Commits != seen; i++)
        {
            seen = store.Commits;
            await Task.Delay(50);
        }
    }
}
