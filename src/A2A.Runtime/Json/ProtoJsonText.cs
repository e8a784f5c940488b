using System.Text.Json;

namespace A2A.Json;

/// <summary>Renders the current JSON token for error messages, shortened so a hostile payload cannot flood logs.</summary>
internal static class ProtoJsonText
{
    private const int MaxShown = 64;

    public static string Describe(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                string text = reader.GetString() ?? "";
                return "\"" + (text.Length > MaxShown ? text[..MaxShown] + "…" : text) + "\"";
            case JsonTokenType.Number:
                return System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());
            case JsonTokenType.True: return "true";
            case JsonTokenType.False: return "false";
            case JsonTokenType.Null: return "null";
            default: return "of JSON type " + reader.TokenType;
        }
    }
}
