// Usage: A2A.Storage.CrashWriter sqlite|postgres <connection string>
// Creates four tasks, then updates them concurrently until killed, printing "accepted <task> <version>" after each
// write returns: the store has then committed it, so it must be there after the kill.
using A2A.Protocol;
using A2A.Storage;
using A2A.Storage.PostgreSql;
using A2A.Storage.Sqlite;
using A2A.Tasks;

if (args.Length != 2 || args[0] is not ("sqlite" or "postgres"))
{
    Console.Error.WriteLine("usage: A2A.Storage.CrashWriter sqlite|postgres <connection string>");
    return 2;
}

ITaskStore store = args[0] == "sqlite" ? new SqliteTaskStore(args[1]) : new PostgreSqlTaskStore(args[1]);
var manager = new TaskManager(store);
var output = TextWriter.Synchronized(Console.Out);
AgentTask[] tasks = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => manager.CreateTaskAsync(Message.FromUser("crash me"))));
foreach (AgentTask task in tasks)
{
    output.WriteLine($"accepted {task.Id} 1");
}

output.Flush();
await Task.WhenAll(tasks.Select(task => Task.Run(async () =>
{
    TaskUpdater updater = manager.CreateUpdater(task);
    await updater.StartWorkAsync();
    output.WriteLine($"accepted {task.Id} {(await store.GetAsync(task.Id))!.Version}");
    for (int i = 0; ; i++)
    {
        // Appends grow the artifact, so a torn write would show as a task that does not match its log.
        await updater.AddArtifactAsync([Part.FromText($"chunk {i} ")], "stream", append: i > 0);
        StoredTask stored = (await store.GetAsync(task.Id))!;
        output.WriteLine($"accepted {task.Id} {stored.Version}");
        output.Flush();
    }
})));
return 0;
