using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;

namespace A2A.Storage.PostgreSql;

/// <summary>
/// Sends the NOTIFY that wakes other instances' subscribers, after the write committed and off the writer's path.
/// </summary>
/// <remarks>
/// PostgreSQL serializes the commits of all transactions that NOTIFY (a database-wide lock held through the commit's
/// flush to disk), so a NOTIFY inside each write would make concurrent writers wait for one another's disk flushes.
/// Here writes commit on their own (and share flushes), and one connection notifies, in batches, with
/// <c>synchronous_commit</c> off, since a notification need not be durable: a lost one (a crash between commit and
/// notify) is covered by the subscribers' polling.
/// </remarks>
internal sealed class ChangeNotifier : IAsyncDisposable
{
    private const int MaxBatch = 1000;

    private readonly Channel<string> _pending = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _connectionString;
    private readonly Task _loop;

    public ChangeNotifier(NpgsqlConnectionStringBuilder store)
    {
        var builder = new NpgsqlConnectionStringBuilder(store.ConnectionString)
        {
            Pooling = false,
            ApplicationName = string.IsNullOrEmpty(store.ApplicationName) ? "a2a-task-notify" : store.ApplicationName + " (task notify)",
        };
        builder.Options = string.IsNullOrEmpty(builder.Options) ? "-c synchronous_commit=off" : builder.Options + " -c synchronous_commit=off";
        _connectionString = builder.ToString();
        _loop = Task.Run(NotifyLoopAsync);
    }

    /// <summary>Queues a notification for the task (an empty id wakes every subscriber).</summary>
    public void Notify(string payload) => _pending.Writer.TryWrite(payload);

    /// <summary>Sends what is queued, then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task NotifyLoopAsync()
    {
        var batch = new HashSet<string>(StringComparer.Ordinal);
        NpgsqlConnection? connection = null;
        try
        {
            while (await _pending.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (batch.Count < MaxBatch && _pending.Reader.TryRead(out string? payload))
                {
                    batch.Add(payload);
                }

                try
                {
                    if (connection is not { State: System.Data.ConnectionState.Open })
                    {
                        if (connection is not null)
                        {
                            await connection.DisposeAsync().ConfigureAwait(false);
                        }

                        connection = new NpgsqlConnection(_connectionString);
                        await connection.OpenAsync().ConfigureAwait(false);
                    }

                    await using var command = new NpgsqlCommand($"SELECT pg_notify('{PostgreSqlSchema.Channel}', payload) FROM unnest($1) AS payload;", connection);
                    command.Parameters.Add(new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = [.. batch] });
                    await command.ExecuteNonQueryAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.IO.IOException or InvalidOperationException)
                {
                    // The server is unreachable: these notifications are lost, and subscribers find the events by polling.
                    if (connection is not null)
                    {
                        await connection.DisposeAsync().ConfigureAwait(false);
                        connection = null;
                    }
                }

                batch.Clear();
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
