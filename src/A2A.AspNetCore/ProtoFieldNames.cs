using System.Buffers;
using System.Text;
using System.Text.Json;

namespace A2A.AspNetCore;

/// <summary>
/// ProtoJSON parsers accept a field under its JSON name (<c>historyLength</c>) or its proto name
/// (<c>history_length</c>). Request params are rewritten to the JSON names before they are read; the keys of free-form
/// values (<c>metadata</c>, a data part's <c>data</c>) belong to the user and stay as written. Answers are always
/// written with the JSON names.
/// </summary>
internal static class ProtoFieldNames
{
    /// <summary><paramref name="value"/> with every proto field name turned into its JSON name (itself when there is none).</summary>
    public static JsonElement ToJsonNames(JsonElement value)
    {
        if (!HasProtoName(value))
        {
            return value;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }

        using JsonDocument rewritten = JsonDocument.Parse(buffer.WrittenMemory);
        return rewritten.RootElement.Clone();
    }

    private static bool HasProtoName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => value.EnumerateObject().Any(property =>
            property.Name.Contains('_', StringComparison.Ordinal) || (!IsFreeForm(property.Name) && HasProtoName(property.Value))),
        JsonValueKind.Array => value.EnumerateArray().Any(HasProtoName),
        _ => false,
    };

    private static void Write(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (JsonProperty property in value.EnumerateObject())
                {
                    string name = JsonName(property.Name);
                    writer.WritePropertyName(name);
                    if (IsFreeForm(name))
                    {
                        property.Value.WriteTo(writer);
                    }
                    else
                    {
                        Write(writer, property.Value);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (JsonElement item in value.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    private static bool IsFreeForm(string jsonName) => jsonName is "metadata" or "data";

    // history_length → historyLength (protoc's lowerCamelCase rule: drop each underscore, capitalize what follows).
    private static string JsonName(string name)
    {
        if (!name.Contains('_', StringComparison.Ordinal))
        {
            return name;
        }

        var text = new StringBuilder(name.Length);
        bool upper = false;
        foreach (char c in name)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            text.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return text.ToString();
    }
}
