using System.Diagnostics;
using A2A.Json;
using A2A.Protocol;
using A2A.Storage.PostgreSql;
using A2A.Storage.Sqlite;
using A2A.Tasks;
using A2A.Testing;

namespace A2A.Storage.Tests;

/// <summary>
/// SIGKILL a process in the middle of its writes, then open the store again: every write the store had accepted is
/// there, no task is torn, and every log replays to its task.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private readonly TemporaryDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_killed_writer_loses_no_accepted_write_and_tears_no_task(string kind)
    {
        string connection = kind == "sqlite"
            ? $"Data Source={_files.NewFile("crash.db")}"
            : await (await PostgresCluster.Shared).CreateDatabaseAsync("writer");
        Dictionary<string, long> accepted = await RunAndKillAsync(kind, connection, acceptedWrites: 300);

        ITaskStore store = kind == "sqlite" ? new SqliteTaskStore(connection) : new PostgreSqlTaskStore(connection);
        await using var closing = (IAsyncDisposable)store;
        Assert.Equal(4, accepted.Count);
        foreach ((string taskId, long version) in accepted)
        {
            StoredTask stored = (await store.GetAsync(taskId))!;
            Assert.True(stored.Version >= version, $"task {taskId}: accepted version {version}, stored {stored.Version}");

            IReadOnlyList<TaskEventRecord> log = await store.ReadEventsAsync(taskId, 0, 100_000);
            Assert.Equal(Enumerable.Range(1, (int)stored.Version).Select(i => (long)i), log.Select(e => e.Sequence));
            var folded = new ClientTaskManager();
            foreach (TaskEventRecord record in log)
            {
                folded.SaveTaskEvent(record.Event);
            }

            Assert.Equal(A2AJson.Serialize(stored.Task), A2AJson.Serialize(folded.GetTaskOrThrow()));
        }

        // The store goes on: the next write continues each log.
        var manager = new TaskManager(store);
        foreach (string taskId in accepted.Keys)
        {
            await manager.UpdateStatusAsync(taskId, TaskState.Failed);
        }
    }

    // Starts the writer, reads what it reports until enough writes were accepted, then kills it with SIGKILL.
    private static async Task<Dictionary<string, long>> RunAndKillAsync(string kind, string connection, int acceptedWrites)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(BuiltTool.PathOf("A2A.Storage.CrashWriter"));
        start.ArgumentList.Add(kind);
        start.ArgumentList.Add(connection);
        using Process writer = Process.Start(start)!;
        var accepted = new Dictionary<string, long>();
        int seen = 0;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (seen < acceptedWrites && await writer.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                string[] parts = line.Split(' ');
                if (parts is ["accepted", string id, string version])
                {
                    accepted[id] = Math.Max(accepted.GetValueOrDefault(id), long.Parse(version, System.Globalization.CultureInfo.InvariantCulture));
                    seen++;
                }
            }
        }
        finally
        {
            writer.Kill(entireProcessTree: true); // SIGKILL: no chance to flush or close anything
            await writer.WaitForExitAsync();
        }

        Assert.True(seen >= acceptedWrites, "The writer stopped before it was killed: " + await writer.StandardError.ReadToEndAsync());
        return accepted;
    }
}
