using A2A.Protocol;

namespace A2A.Storage;

/// <summary>One page of <see cref="ITaskStore.ListAsync"/>: newest status first.</summary>
/// <param name="Tasks">The tasks on this page.</param>
/// <param name="NextPageToken">Token for the next page, or empty when this is the last one.</param>
/// <param name="TotalSize">How many tasks match the filter in all.</param>
public sealed record TaskPage(IReadOnlyList<AgentTask> Tasks, string NextPageToken, int TotalSize);
