using System.Text.Json;
using System.Text.Json.Serialization;

namespace A2A.Json;

/// <summary>
/// A <c>google.protobuf.Value</c> field (a data part's content) in ProtoJSON: any JSON value, JSON <c>null</c>
/// included. ProtoJSON reads <c>null</c> as "absent" for every field except a Value, where it is the value
/// <c>NULL_VALUE</c>; so <c>{"data": null}</c> is a data part holding null, not a part without content.
/// </summary>
public sealed class ProtoValueJsonConverter : JsonConverter<JsonElement?>
{
    private static readonly JsonElement Null = JsonDocument.Parse("null").RootElement.Clone();

    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override JsonElement? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? Null : JsonElement.ParseValue(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, JsonElement? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } element)
        {
            element.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
