namespace A2A.Storage;

/// <summary>
/// Options of <see cref="InMemoryTaskStore"/>: the retention of finished tasks (see <see cref="TaskRetentionOptions"/>).
/// By default every task is kept for the life of the process.
/// </summary>
public sealed record InMemoryTaskStoreOptions : TaskRetentionOptions;
