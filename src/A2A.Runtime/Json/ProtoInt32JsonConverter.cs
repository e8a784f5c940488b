using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace A2A.Json;

/// <summary>
/// <c>int32</c> in ProtoJSON: written as a JSON number; read from a number (also one written with a zero fraction or
/// an exponent, such as <c>5.0</c> or <c>5e0</c>) or from a string holding one (<c>"5"</c>), as ProtoJSON parsers
/// accept. A fraction, a value out of range or other text is refused.
/// </summary>
public sealed class ProtoInt32JsonConverter : JsonConverter<int>
{
    /// <inheritdoc />
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetInt32(out int value))
            {
                return value;
            }

            if (reader.TryGetDecimal(out decimal number) && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue)
            {
                return (int)number;
            }
        }
        else if (reader.TokenType == JsonTokenType.String
            && decimal.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out decimal text)
            && text == decimal.Truncate(text) && text is >= int.MinValue and <= int.MaxValue)
        {
            return (int)text;
        }

        throw new JsonException($"Invalid integer {ProtoJsonText.Describe(ref reader)}; expected a whole number such as 5 (or \"5\").");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
