using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace A2A.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster for tests: initdb into a temporary folder, a server on 127.0.0.1 and a free port,
/// stopped and deleted when the test process ends. One per test process (<see cref="Shared"/>); each test takes a
/// database or schema of its own. initdb and postgres refuse to run as root, so as root they run as the
/// <c>postgres</c> user that the Debian package creates.
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    private static readonly Lazy<Task<PostgresCluster>> SharedCluster = new(() => StartAsync());
    private static int _nextName;

    private readonly string _bin;
    private readonly string _root;
    private readonly bool _asPostgresUser;
    private int _stopped;

    private string _serverOptions = "";

    private PostgresCluster(string bin, string root, bool asPostgresUser, int port)
    {
        _bin = bin;
        _root = root;
        _asPostgresUser = asPostgresUser;
        Port = port;
    }

    private string DataFolder => Path.Combine(_root, "data");

    /// <summary>The cluster of this test process, started on first use and stopped when the process exits.</summary>
    public static Task<PostgresCluster> Shared => SharedCluster.Value;

    public int Port { get; }

    /// <summary>A connection string to the maintenance database as the superuser.</summary>
    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    /// <summary>Starts a new cluster. <paramref name="settings"/> are extra <c>-c name=value</c> server settings.</summary>
    public static async Task<PostgresCluster> StartAsync(params string[] settings)
    {
        string bin = FindBinaries();
        RemoveStoppedClusters();
        bool asPostgresUser = !OperatingSystem.IsWindows() && Environment.UserName == "root";
        string root = Path.Combine(Path.GetTempPath(), "a2a-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        if (asPostgresUser && !OperatingSystem.IsWindows())
        {
            // The postgres user writes the cluster into this folder.
            File.SetUnixFileMode(root, (UnixFileMode)0x1FF);
        }

        int port = FreePort();
        var cluster = new PostgresCluster(bin, root, asPostgresUser, port);
        await cluster.RunAsync("initdb", "-D", cluster.DataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
        cluster._serverOptions = string.Join(' ', new[]
        {
            $"-p {port}", "-c listen_addresses=127.0.0.1", "-c unix_socket_directories=''", "-c max_connections=400",
        }.Concat(settings.Select(s => "-c " + s)));
        await cluster.StartServerAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.StopAsync().GetAwaiter().GetResult();

        return cluster;
    }

    /// <summary>Starts the server (again) on the same port, waiting until it accepts connections.</summary>
    public Task StartServerAsync() =>
        RunAsync("pg_ctl", "-D", DataFolder, "-l", Path.Combine(_root, "server.log"), "-o", _serverOptions, "-w", "-t", "60", "start");

    /// <summary>Stops the server at once, the way a crash or a lost machine would: no checkpoint, connections cut.</summary>
    public Task KillServerAsync() => RunAsync("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");

    /// <summary>Creates a database of its own for a test and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "t")
    {
        string name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref _nextName)}";
        await using var connection = new Npgsql.NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name};", connection);
        await create.ExecuteNonQueryAsync();
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name}";
    }

    /// <summary>The server's log so far, for failure messages.</summary>
    public string Log => File.Exists(Path.Combine(_root, "server.log")) ? File.ReadAllText(Path.Combine(_root, "server.log")) : "";

    /// <summary>Stops the server at once (like a crash) and deletes its files.</summary>
    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        try
        {
            await KillServerAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(_asPostgresUser ? "runuser" : Path.Combine(_bin, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _root,
        };
        if (_asPostgresUser)
        {
            foreach (string part in new[] { "-u", "postgres", "--", Path.Combine(_bin, tool) })
            {
                start.ArgumentList.Add(part);
            }
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}{await output}{Log}");
        }
    }

    // A test process may end before its exit handler finished deleting its cluster (the server is stopped first):
    // clusters whose server is not running (no postmaster.pid) are removed when a later one starts, once they are old
    // enough not to be one being created or restarted right now.
    private static void RemoveStoppedClusters()
    {
        DateTime old = DateTime.UtcNow.AddMinutes(-10);
        foreach (string folder in Directory.GetDirectories(Path.GetTempPath(), "a2a-pg-*"))
        {
            if (Directory.GetLastWriteTimeUtc(folder) < old && !File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Another process is removing it, or it is still being created: leave it.
                }
            }
        }
    }

    // A2A_POSTGRES_BIN, else the folder of initdb on PATH, else the newest /usr/lib/postgresql/N/bin (Debian).
    private static string FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("A2A_POSTGRES_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }

        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string initdb = Path.Combine(folder, "initdb");
            if (File.Exists(initdb))
            {
                return Path.GetDirectoryName(new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb)!;
            }
        }

        string? debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out int v) ? v : 0)
                .FirstOrDefault()
            : null;
        return debian ?? throw new InvalidOperationException(
            "The PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found: install them (Debian: apt-get install -y postgresql) or set A2A_POSTGRES_BIN to their folder.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
