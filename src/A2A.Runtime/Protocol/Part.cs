using System.Text.Json;
using System.Text.Json.Serialization;

namespace A2A.Protocol;

/// <summary>
/// One piece of content in a <see cref="Message"/> or <see cref="Artifact"/>. Exactly one of <see cref="Text"/>,
/// <see cref="Raw"/>, <see cref="Url"/> or <see cref="Data"/> is set (the proto's <c>content</c> oneof).
/// </summary>
/// <remarks>Immutable. Create parts with <see cref="FromText"/>, <see cref="FromRaw"/>, <see cref="FromUrl"/> or <see cref="FromData"/>.</remarks>
public sealed record Part : IJsonOnDeserialized
{
    /// <summary>Plain text content.</summary>
    public string? Text { get; init; }

    /// <summary>Raw bytes, base64-encoded on the wire.</summary>
    public ReadOnlyMemory<byte>? Raw { get; init; }

    /// <summary>A URL that points at the content.</summary>
    public string? Url { get; init; }

    /// <summary>Structured content: any JSON value (JSON <c>null</c> included: a data part may hold null).</summary>
    [JsonConverter(typeof(Json.ProtoValueJsonConverter))]
    public JsonElement? Data { get; init; }

    /// <summary>Optional metadata attached to the part.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>Optional file name, for example <c>report.pdf</c>.</summary>
    public string? Filename { get; init; }

    /// <summary>Optional media type, for example <c>text/plain</c> or <c>image/png</c>.</summary>
    public string? MediaType { get; init; }

    /// <summary>Which content member is set; <see cref="PartContentKind.None"/> when none is.</summary>
    [JsonIgnore]
    public PartContentKind ContentKind =>
        Text is not null ? PartContentKind.Text
        : Raw is not null ? PartContentKind.Raw
        : Url is not null ? PartContentKind.Url
        : Data is not null ? PartContentKind.Data
        : PartContentKind.None;

    /// <summary>A text part.</summary>
    public static Part FromText(string text, string? mediaType = null) =>
        new() { Text = text ?? throw new ArgumentNullException(nameof(text)), MediaType = mediaType };

    /// <summary>A raw-bytes part. The bytes are copied, so later changes to <paramref name="bytes"/> do not leak in.</summary>
    public static Part FromRaw(ReadOnlySpan<byte> bytes, string? mediaType = null, string? filename = null) =>
        new() { Raw = bytes.ToArray(), MediaType = mediaType, Filename = filename };

    /// <summary>A part that points at content by URL.</summary>
    public static Part FromUrl(string url, string? mediaType = null, string? filename = null) =>
        new() { Url = url ?? throw new ArgumentNullException(nameof(url)), MediaType = mediaType, Filename = filename };

    /// <summary>A structured-data part. The element is cloned so it outlives its <see cref="JsonDocument"/>.</summary>
    public static Part FromData(JsonElement data, string? mediaType = null) =>
        new() { Data = data.Clone(), MediaType = mediaType };

    /// <summary>Counts how many content members are set; the wire allows exactly one.</summary>
    internal int ContentCount =>
        (Text is null ? 0 : 1) + (Raw is null ? 0 : 1) + (Url is null ? 0 : 1) + (Data is null ? 0 : 1);

    void IJsonOnDeserialized.OnDeserialized()
    {
        // ProtoJSON: a oneof with two members set is a parse error; none set is allowed by the parser but
        // meaningless, and a part without content would be silently dropped by most peers, so refuse both.
        int count = ContentCount;
        if (count != 1)
        {
            throw new JsonException(count == 0
                ? "A part must carry one of 'text', 'raw', 'url' or 'data'; this one carries none."
                : "A part must carry exactly one of 'text', 'raw', 'url' or 'data'; this one carries " + count + ".");
        }
    }
}
