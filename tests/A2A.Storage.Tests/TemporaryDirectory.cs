using Microsoft.Data.Sqlite;

namespace A2A.Storage.Tests;

/// <summary>A folder under the system's temp folder, deleted (with its SQLite files) when disposed.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    private int _next;

    public TemporaryDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "a2a-storage-" + Guid.NewGuid().ToString("N"));

    /// <summary>A path in the folder that no other call returned, named after <paramref name="name"/>.</summary>
    public string NewFile(string name) => System.IO.Path.Combine(Path, $"{Interlocked.Increment(ref _next)}-{name}");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools(); // pooled readers keep the files open
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
