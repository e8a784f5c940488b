using System.Text.Json;
using System.Text.Json.Serialization;
using A2A.Protocol;

namespace A2A.Json;

/// <summary>ProtoJSON spelling of <see cref="Role"/>: <c>ROLE_USER</c>, <c>ROLE_AGENT</c> (or the integer value).</summary>
public sealed class RoleJsonConverter : JsonConverter<Role>
{
    /// <inheritdoc />
    public override Role Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int number) && Enum.IsDefined((Role)number))
        {
            return (Role)number;
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.ValueTextEquals("ROLE_USER"u8)) return Role.User;
            if (reader.ValueTextEquals("ROLE_AGENT"u8)) return Role.Agent;
            if (reader.ValueTextEquals("ROLE_UNSPECIFIED"u8)) return Role.Unspecified;
        }

        throw new JsonException($"Unknown role {ProtoJsonText.Describe(ref reader)}; expected ROLE_USER or ROLE_AGENT (A2A v1.0 spelling).");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Role value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value switch
        {
            Role.User => "ROLE_USER",
            Role.Agent => "ROLE_AGENT",
            Role.Unspecified => "ROLE_UNSPECIFIED",
            _ => throw new JsonException($"Role value {(int)value} is not defined."),
        });
}
