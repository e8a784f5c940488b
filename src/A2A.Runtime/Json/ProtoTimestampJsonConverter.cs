using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace A2A.Json;

/// <summary>
/// <c>google.protobuf.Timestamp</c> in ProtoJSON: RFC 3339, always UTC with a <c>Z</c>, written with millisecond
/// precision as the A2A spec recommends and the JavaScript SDK does (<c>2026-01-31T12:00:00.000Z</c>; finer digits are
/// truncated). Reads any RFC 3339 offset and precision and normalizes to UTC.
/// </summary>
public sealed class ProtoTimestampJsonConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out DateTimeOffset value))
        {
            return value.ToUniversalTime();
        }

        throw new JsonException($"Invalid timestamp {ProtoJsonText.Describe(ref reader)}; expected RFC 3339 text such as \"2026-01-31T12:00:00.000Z\".");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        DateTime utc = value.UtcDateTime;
        const string format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        Span<char> buffer = stackalloc char[40];
        if (utc.TryFormat(buffer, out int written, format, CultureInfo.InvariantCulture))
        {
            writer.WriteStringValue(buffer[..written]);
        }
        else
        {
            writer.WriteStringValue(utc.ToString(format, CultureInfo.InvariantCulture));
        }
    }
}
