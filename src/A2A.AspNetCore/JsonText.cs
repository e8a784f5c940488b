namespace A2A.AspNetCore;

/// <summary>Checks on raw JSON text that the JSON reader does not make.</summary>
internal static class JsonText
{
    /// <summary>
    /// The byte offset of the first <c>\u</c> escape of a UTF-16 surrogate that is not half of a pair (a high surrogate
    /// not followed by an escaped low one, or a low one on its own), or null when there is none. Such text is valid
    /// JSON syntax but not Unicode, and System.Text.Json refuses to write it back. Assumes UTF-8 already validated.
    /// </summary>
    public static int? FindUnpairedSurrogateEscape(ReadOnlySpan<byte> json)
    {
        int offset = 0;
        while (true)
        {
            int slash = json[offset..].IndexOf((byte)'\\');
            if (slash < 0)
            {
                return null;
            }

            int at = offset + slash;
            if (at + 1 >= json.Length)
            {
                return null; // not JSON anyway; the parser reports it
            }

            if (json[at + 1] != (byte)'u')
            {
                offset = at + 2; // any other escape is two bytes (\\, \", \n, ...)
                continue;
            }

            if (Escaped(json, at) is not int unit)
            {
                return null; // malformed \u; the parser reports it
            }

            if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                return at; // a low surrogate without a high one before it
            }

            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                if (Escaped(json, at + 6) is not (>= 0xDC00 and <= 0xDFFF))
                {
                    return at;
                }

                offset = at + 12;
                continue;
            }

            offset = at + 6;
        }
    }

    // The code unit of a \uXXXX escape starting at `at`, or null when there is none there.
    private static int? Escaped(ReadOnlySpan<byte> json, int at)
    {
        if (at + 6 > json.Length || json[at] != (byte)'\\' || json[at + 1] != (byte)'u')
        {
            return null;
        }

        int value = 0;
        for (int i = at + 2; i < at + 6; i++)
        {
            int digit = json[i] switch
            {
                >= (byte)'0' and <= (byte)'9' => json[i] - '0',
                >= (byte)'a' and <= (byte)'f' => json[i] - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => json[i] - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return null;
            }

            value = (value * 16) + digit;
        }

        return value;
    }
}
