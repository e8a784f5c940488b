using System.Diagnostics;
using A2A.Protocol;
using A2A.Tasks;

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
        string connection = await DurableStores.NewConnectionStringAsync(kind, _files);
        Dictionary<string, long> accepted = await RunAndKillAsync(kind, connection, acceptedWrites: 300);

        ITaskStore store = DurableStores.Open(kind, connection);
        await using var closing = (IAsyncDisposable)store;
        Assert.Equal(4, accepted.Count);
        foreach ((string taskId, long version) in accepted)
        {
            StoredTask stored = await DurableStores.AssertLogReplaysToStoredTaskAsync(store, taskId);
            Assert.True(stored.Version >= version, $"task {taskId}: accepted version {version}, stored {stored.Version}");
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
