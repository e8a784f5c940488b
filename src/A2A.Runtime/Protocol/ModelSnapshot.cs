using System.Text.Json;

namespace A2A.Protocol;

/// <summary>
/// Turns model values into private snapshots: every list and map copied into runtime-owned read-only types, raw
/// bytes copied, JSON elements detached from their documents. Stores keep only snapshots, so nothing a caller
/// still holds (a List it passed in, a byte[] it reuses, a JsonDocument it disposes) can change a stored task.
/// Values that are already snapshots are returned as they are.
/// </summary>
internal static class ModelSnapshot
{
    public static AgentTask Freeze(AgentTask task)
    {
        AgentTaskStatus status = Freeze(task.Status);
        if (ReferenceEquals(status, task.Status) && FrozenList<Artifact>.IsFrozen(task.Artifacts)
            && FrozenList<Message>.IsFrozen(task.History) && FrozenMap<JsonElement>.IsFrozen(task.Metadata))
        {
            return task;
        }

        return task with
        {
            Status = status,
            Artifacts = FrozenList<Artifact>.From(task.Artifacts, Freeze),
            History = FrozenList<Message>.From(task.History, Freeze),
            Metadata = FreezeMetadata(task.Metadata),
        };
    }

    public static AgentTaskStatus Freeze(AgentTaskStatus status)
    {
        if (status.Message is null)
        {
            return status;
        }

        Message message = Freeze(status.Message);
        return ReferenceEquals(message, status.Message) ? status : status with { Message = message };
    }

    public static Message Freeze(Message message)
    {
        if (FrozenList<Part>.IsFrozen(message.Parts) && FrozenList<string>.IsFrozen(message.Extensions)
            && FrozenList<string>.IsFrozen(message.ReferenceTaskIds) && FrozenMap<JsonElement>.IsFrozen(message.Metadata))
        {
            return message;
        }

        return message with
        {
            Parts = FrozenList<Part>.From(message.Parts, Freeze),
            Extensions = FrozenList<string>.From(message.Extensions, Same),
            ReferenceTaskIds = FrozenList<string>.From(message.ReferenceTaskIds, Same),
            Metadata = FreezeMetadata(message.Metadata),
        };
    }

    public static Artifact Freeze(Artifact artifact)
    {
        if (FrozenList<Part>.IsFrozen(artifact.Parts) && FrozenList<string>.IsFrozen(artifact.Extensions)
            && FrozenMap<JsonElement>.IsFrozen(artifact.Metadata))
        {
            return artifact;
        }

        return artifact with
        {
            Parts = FrozenList<Part>.From(artifact.Parts, Freeze),
            Extensions = FrozenList<string>.From(artifact.Extensions, Same),
            Metadata = FreezeMetadata(artifact.Metadata),
        };
    }

    // Parts are only reached through lists that are not frozen yet, so each part is copied at most once.
    public static Part Freeze(Part part) => part with
    {
        // The cast matters: a null byte[] converts to an empty, non-null ReadOnlyMemory, which would turn every
        // part into one with raw content.
        Raw = part.Raw is { } raw ? raw.ToArray() : (ReadOnlyMemory<byte>?)null,
        Data = part.Data?.Clone(),
        Metadata = FreezeMetadata(part.Metadata),
    };

    public static IReadOnlyDictionary<string, JsonElement>? FreezeMetadata(IReadOnlyDictionary<string, JsonElement>? metadata) =>
        FrozenMap<JsonElement>.From(metadata, static value => value.Clone());

    private static string Same(string value) => value;
}
