using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using A2A.Protocol;

namespace A2A.Json;

/// <summary>
/// ProtoJSON serialization of the A2A v1.0 model: camelCase names, <c>TASK_STATE_*</c>/<c>ROLE_*</c> enums,
/// RFC 3339 UTC timestamps, base64 bytes, and default values (null, empty string, empty list, false, 0) omitted,
/// except where ProtoJSON keeps presence: an empty string that is a oneof member or an `optional` field is written.
/// A oneof (Part content, StreamResponse payload) is recognized by which member is present.
/// </summary>
public static class A2AJson
{
    /// <summary>The shared, read-only options. Safe to pass to any <see cref="JsonSerializer"/> call for A2A types.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Metadata for <typeparamref name="T"/> under <see cref="Options"/>; throws if <typeparamref name="T"/> is not an A2A model type.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>Serializes an A2A model value to ProtoJSON text.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    /// <summary>Serializes an A2A model value to UTF-8 ProtoJSON bytes.</summary>
    public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>());

    /// <summary>Parses ProtoJSON text. Throws <see cref="JsonException"/> with the path of the offending member on bad input.</summary>
    public static T Deserialize<T>([StringSyntax(StringSyntaxAttribute.Json)] string json) =>
        JsonSerializer.Deserialize(json, TypeInfo<T>()) ?? throw new JsonException($"Expected a {typeof(T).Name} object, found null.");

    /// <summary>Parses UTF-8 ProtoJSON bytes. Throws <see cref="JsonException"/> with the path of the offending member on bad input.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, TypeInfo<T>()) ?? throw new JsonException($"Expected a {typeof(T).Name} object, found null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(A2AJsonContext.Default.Options)
        {
            TypeInfoResolver = A2AJsonContext.Default.WithAddedModifier(OmitProtoDefaults),

            // Escape only what JSON requires, as JSON.stringify and protobuf's printer do ("+" and "->" stay as
            // they are). The default encoder's extra HTML escaping guards against embedding in HTML pages, which
            // A2A bodies never are.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly();
        return options;
    }

    // ProtoJSON omits fields that hold their default value. WhenWritingDefault covers null, false and 0; this adds
    // empty strings and empty repeated fields. Maps and Struct (dictionaries) are left alone: an empty metadata
    // object is present-but-empty, which a peer may distinguish from absent.
    private static void OmitProtoDefaults(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        // The spec marks every field of ListTasksResponse REQUIRED: written even when empty or zero (an empty result,
        // the last page's empty nextPageToken).
        if (typeInfo.Type == typeof(ListTasksResponse))
        {
            foreach (JsonPropertyInfo property in typeInfo.Properties)
            {
                property.ShouldSerialize = static (_, _) => true;
            }

            return;
        }

        foreach (JsonPropertyInfo property in typeInfo.Properties)
        {
            Type type = property.PropertyType;
            if (type == typeof(string) && !KeepsPresence(typeInfo.Type, property.Name))
            {
                property.ShouldSerialize = static (_, value) => value is string { Length: > 0 };
            }
            else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                property.ShouldSerialize = static (_, value) => HasItems(value);
            }
        }
    }

    // Strings whose presence ProtoJSON keeps, so an empty one is still written: the members of a oneof (an empty text
    // part is {"text": ""}, never {}, which would carry no content at all) and the proto's `optional` fields.
    // Every other string field is omitted when empty.
    private static bool KeepsPresence(Type type, string jsonName) =>
        (type == typeof(Part) && jsonName is "text" or "url")
        || (type == typeof(AgentCard) && jsonName is "documentationUrl" or "iconUrl");

    private static bool HasItems(object? value) => value switch
    {
        null => false,
        ICollection collection => collection.Count > 0,
        IEnumerable enumerable => enumerable.GetEnumerator().MoveNext(),
        _ => true,
    };
}
