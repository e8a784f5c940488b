using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using A2A.Errors;
using A2A.Protocol;

namespace A2A.Agents;

/// <summary>
/// How typed artifacts travel: one <c>data</c> part holding the JSON value, named by the artifact's declared name.
/// Used by generated code; public so hand-written clients can read the same artifacts.
/// </summary>
public static class TypedArtifacts
{
    /// <summary>The media type of a typed artifact's data part.</summary>
    public const string MediaType = "application/json";

    private static readonly JsonSerializerOptions ReflectionOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The data part for <paramref name="value"/>, serialized with source-generated metadata.</summary>
    public static Part ToPart<T>(T value, JsonTypeInfo<T> typeInfo) =>
        new() { Data = JsonSerializer.SerializeToElement(value, typeInfo), MediaType = MediaType };

    /// <summary>The data part for <paramref name="value"/>, serialized with reflection-based System.Text.Json (web defaults).</summary>
    [RequiresUnreferencedCode("Reflection-based JSON. Set A2AAgent(JsonContext = typeof(...)) for trimming and AOT.")]
    [RequiresDynamicCode("Reflection-based JSON. Set A2AAgent(JsonContext = typeof(...)) for trimming and AOT.")]
    public static Part ToPart<T>(T value) =>
        new() { Data = JsonSerializer.SerializeToElement(value, ReflectionOptions), MediaType = MediaType };

    /// <summary>Reads every artifact named <paramref name="name"/> as <typeparamref name="T"/>, in task order.</summary>
    /// <exception cref="InvalidAgentResponseException">An artifact with that name does not hold a <typeparamref name="T"/>.</exception>
    public static IReadOnlyList<T> Read<T>(AgentTask? task, string name, JsonTypeInfo<T> typeInfo) =>
        ReadCore(task, name, element => element.Deserialize(typeInfo));

    /// <summary>Reads every artifact named <paramref name="name"/> with reflection-based System.Text.Json.</summary>
    [RequiresUnreferencedCode("Reflection-based JSON. Set A2AAgent(JsonContext = typeof(...)) for trimming and AOT.")]
    [RequiresDynamicCode("Reflection-based JSON. Set A2AAgent(JsonContext = typeof(...)) for trimming and AOT.")]
    public static IReadOnlyList<T> Read<T>(AgentTask? task, string name) =>
        ReadCore(task, name, element => element.Deserialize<T>(ReflectionOptions));

    /// <summary>Metadata for <typeparamref name="T"/> from a user's JsonSerializerContext, with an actionable error when it is missing.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>(IJsonTypeInfoResolver context, JsonSerializerOptions options) =>
        context.GetTypeInfo(typeof(T), options) as JsonTypeInfo<T>
        ?? throw new InvalidOperationException(
            $"The agent's JsonContext has no metadata for {typeof(T).FullName}. Add [JsonSerializable(typeof({typeof(T).Name}))] to the context.");

    private static IReadOnlyList<T> ReadCore<T>(AgentTask? task, string name, Func<JsonElement, T?> read)
    {
        if (task is null)
        {
            return [];
        }

        var values = new List<T>();
        foreach (Artifact artifact in task.Artifacts)
        {
            if (!string.Equals(artifact.Name, name, StringComparison.Ordinal))
            {
                continue;
            }

            Part? data = artifact.Parts.FirstOrDefault(p => p.Data is not null);
            try
            {
                T? value = data is null ? default : read(data.Data!.Value);
                values.Add(value ?? throw new JsonException("the artifact holds no data part"));
            }
            catch (JsonException ex)
            {
                throw new InvalidAgentResponseException(
                    $"Artifact '{artifact.ArtifactId}' named '{name}' of task {task.Id} is not a {typeof(T).Name}: {ex.Message}", ex);
            }
        }

        return values;
    }
}
