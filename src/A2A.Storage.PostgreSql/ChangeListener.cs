using Npgsql;

namespace A2A.Storage.PostgreSql;

/// <summary>
/// One dedicated connection per store that LISTENs for the ids of tasks written by any instance and wakes this
/// process's subscribers. When the connection drops it reconnects (backing off up to a few seconds) and then wakes
/// every subscriber, since notifications sent meanwhile are lost; subscribers poll until then.
/// </summary>
internal sealed class ChangeListener : IAsyncDisposable
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    private readonly string _connectionString;
    private readonly TaskEventSignals _signals;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    public ChangeListener(NpgsqlConnectionStringBuilder store, TimeSpan keepAlive, TaskEventSignals signals)
    {
        // Its own connection, outside the pool, with a keepalive so that a dead server or a dropped route is noticed.
        _connectionString = new NpgsqlConnectionStringBuilder(store.ConnectionString)
        {
            Pooling = false,
            KeepAlive = (int)Math.Ceiling(keepAlive.TotalSeconds),
            ApplicationName = string.IsNullOrEmpty(store.ApplicationName) ? "a2a-task-events" : store.ApplicationName + " (task events)",
        }.ToString();
        _signals = signals;
    }

    /// <summary>Whether the connection is listening now (for tests and health checks).</summary>
    public bool IsListening { get; private set; }

    public void Start() => _loop ??= Task.Run(() => ListenAsync(_stopping.Token));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private async Task ListenAsync(CancellationToken stopping)
    {
        TimeSpan backoff = TimeSpan.FromMilliseconds(100);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_connectionString);
                connection.Notification += (_, e) =>
                {
                    if (e.Payload.Length == 0)
                    {
                        _signals.WakeAll();
                    }
                    else
                    {
                        _signals.Wake(e.Payload);
                    }
                };
                await connection.OpenAsync(stopping).ConfigureAwait(false);
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgreSqlSchema.Channel};", connection))
                {
                    await listen.ExecuteNonQueryAsync(stopping).ConfigureAwait(false);
                }

                IsListening = true;
                backoff = TimeSpan.FromMilliseconds(100);

                // Whatever was written while nobody listened: every subscriber looks again.
                _signals.WakeAll();
                while (true)
                {
                    await connection.WaitAsync(stopping).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.IO.IOException or InvalidOperationException)
            {
                // The server went away or refused us: subscribers poll meanwhile; try again soon.
                IsListening = false;
                try
                {
                    await Task.Delay(backoff, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
            finally
            {
                IsListening = false;
            }
        }
    }
}
