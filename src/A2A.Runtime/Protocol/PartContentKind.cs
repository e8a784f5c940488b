namespace A2A.Protocol;

/// <summary>Which member of the <c>content</c> oneof a <see cref="Part"/> carries.</summary>
public enum PartContentKind
{
    /// <summary>The part carries no content; such a part is invalid on the wire.</summary>
    None = 0,
    /// <summary><see cref="Part.Text"/>.</summary>
    Text,
    /// <summary><see cref="Part.Raw"/> (base64 on the wire).</summary>
    Raw,
    /// <summary><see cref="Part.Url"/>.</summary>
    Url,
    /// <summary><see cref="Part.Data"/>: any JSON value.</summary>
    Data,
}
