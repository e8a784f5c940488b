using A2A.Json;

namespace A2A.Runtime.Tests;

/// <summary>Compares tasks by their wire form (records compare lists by reference, the wire compares content).</summary>
internal sealed class TaskJsonComparer : IEqualityComparer<AgentTask>
{
    public bool Equals(AgentTask? x, AgentTask? y) =>
        x is null ? y is null : y is not null && A2AJson.Serialize(x) == A2AJson.Serialize(y);

    public int GetHashCode(AgentTask obj) => A2AJson.Serialize(obj).GetHashCode(StringComparison.Ordinal);
}
