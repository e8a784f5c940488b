using System.Text.Json;
using System.Text.Json.Nodes;
using A2A.Errors;

namespace A2A.Protocol.V03;

/// <summary>
/// Agent cards between A2A v1.0 and v0.3: the card a server shows a client that did not ask for v1.0 (the v0.3
/// fields, with <c>supportedInterfaces</c> kept so a v1.0 client reading it finds every interface), and a v0.3-only
/// card read as v1.0 by the client.
/// </summary>
internal static class V03Card
{
    /// <summary>
    /// <paramref name="v1"/> (a v1.0 card's JSON) with the v0.3 fields: <c>url</c> and <c>preferredTransport</c> of
    /// its first v0.3 interface, <c>additionalInterfaces</c>, <c>protocolVersion</c>,
    /// <c>supportsAuthenticatedExtendedCard</c>, and security in the v0.3 shapes.
    /// </summary>
    public static JsonObject ToBlended(JsonObject v1)
    {
        JsonArray interfaces = v1["supportedInterfaces"] as JsonArray ?? [];
        List<JsonObject> legacy = [.. interfaces.OfType<JsonObject>().Where(i => V03Methods.IsV03(Text(i["protocolVersion"])))];
        JsonObject? primary = legacy.FirstOrDefault(i => Text(i["protocolBinding"]) == ProtocolBindings.JsonRpc) ?? legacy.FirstOrDefault()
            ?? interfaces.OfType<JsonObject>().FirstOrDefault();

        var result = new JsonObject();
        foreach ((string name, JsonNode? value) in v1)
        {
            switch (name)
            {
                case "capabilities" when value is JsonObject capabilities:
                    var legacyCapabilities = new JsonObject();
                    foreach ((string capability, JsonNode? setting) in capabilities)
                    {
                        if (capability != "extendedAgentCard")
                        {
                            legacyCapabilities[capability] = setting?.DeepClone();
                        }
                    }

                    result["capabilities"] = legacyCapabilities;
                    break;
                case "securitySchemes" when value is JsonObject schemes:
                    result["securitySchemes"] = new JsonObject(schemes.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)ToLegacyScheme(s.Value))));
                    break;
                case "securityRequirements":
                    result["security"] = ToLegacyRequirements(value);
                    break;
                case "skills" when value is JsonArray skills:
                    result["skills"] = new JsonArray([.. skills.Select(ToLegacySkill)]);
                    break;
                default:
                    result[name] = value?.DeepClone();
                    break;
            }
        }

        if (primary is not null)
        {
            result["url"] = Text(primary["url"]);
            result["preferredTransport"] = Text(primary["protocolBinding"]);
            var additional = new JsonArray();
            foreach (JsonObject other in legacy.Where(i => !ReferenceEquals(i, primary)))
            {
                additional.Add((JsonNode)new JsonObject { ["url"] = Text(other["url"]), ["transport"] = Text(other["protocolBinding"]) });
            }

            if (additional.Count > 0)
            {
                result["additionalInterfaces"] = additional;
            }
        }

        result["protocolVersion"] = V03Json.ProtocolVersion;
        result["supportsAuthenticatedExtendedCard"] = v1["capabilities"]?["extendedAgentCard"]?.GetValueKind() == JsonValueKind.True;
        return result;
    }

    /// <summary>Whether <paramref name="card"/> is a v0.3 card: no <c>supportedInterfaces</c>, but a <c>url</c>.</summary>
    public static bool IsLegacyOnly(JsonObject card) =>
        card["supportedInterfaces"] is not JsonArray { Count: > 0 } && card["url"]?.GetValueKind() == JsonValueKind.String;

    /// <summary>A v0.3-only card's JSON as a v1.0 card's: its interfaces listed as v0.3 ones.</summary>
    /// <exception cref="InvalidParamsException">It is not a card.</exception>
    public static JsonObject FromLegacy(JsonObject v03)
    {
        string version = Text(v03["protocolVersion"]) is { Length: > 0 } stated ? stated : "0.3";
        var interfaces = new JsonArray(new JsonObject
        {
            ["url"] = Text(v03["url"]) ?? throw new InvalidParamsException("A v0.3 agent card must have a url."),
            ["protocolBinding"] = Text(v03["preferredTransport"]) ?? ProtocolBindings.JsonRpc,
            ["protocolVersion"] = version,
        });
        foreach (JsonObject other in (v03["additionalInterfaces"] as JsonArray ?? []).OfType<JsonObject>())
        {
            interfaces.Add((JsonNode)new JsonObject { ["url"] = Text(other["url"]), ["protocolBinding"] = Text(other["transport"]), ["protocolVersion"] = version });
        }

        var result = new JsonObject { ["supportedInterfaces"] = interfaces };
        foreach ((string name, JsonNode? value) in v03)
        {
            switch (name)
            {
                case "url" or "preferredTransport" or "additionalInterfaces" or "protocolVersion" or "supportsAuthenticatedExtendedCard" or "supportedInterfaces":
                    break;
                case "securitySchemes" when value is JsonObject schemes:
                    result["securitySchemes"] = new JsonObject(schemes.Select(s => KeyValuePair.Create(s.Key, FromLegacyScheme(s.Value))));
                    break;
                case "security":
                    result["securityRequirements"] = FromLegacyRequirements(value);
                    break;
                case "skills" when value is JsonArray skills:
                    result["skills"] = new JsonArray([.. skills.Select(FromLegacySkill)]);
                    break;
                default:
                    result[name] = value?.DeepClone();
                    break;
            }
        }

        if (v03["supportsAuthenticatedExtendedCard"]?.GetValueKind() == JsonValueKind.True)
        {
            ((JsonObject)(result["capabilities"] ??= new JsonObject()))["extendedAgentCard"] = true;
        }

        return result;
    }

    private static JsonNode ToLegacySkill(JsonNode? skill)
    {
        if (skill is not JsonObject v1)
        {
            return skill?.DeepClone()!;
        }

        var result = new JsonObject();
        foreach ((string name, JsonNode? value) in v1)
        {
            if (name == "securityRequirements")
            {
                if (value is JsonArray { Count: > 0 })
                {
                    result["security"] = ToLegacyRequirements(value);
                }
            }
            else
            {
                result[name] = value?.DeepClone();
            }
        }

        return result;
    }

    private static JsonNode FromLegacySkill(JsonNode? skill)
    {
        if (skill is not JsonObject v03)
        {
            return skill?.DeepClone()!;
        }

        var result = new JsonObject();
        foreach ((string name, JsonNode? value) in v03)
        {
            result[name == "security" ? "securityRequirements" : name] = name == "security" ? FromLegacyRequirements(value) : value?.DeepClone();
        }

        return result;
    }

    // v1.0 [{"schemes": {"name": {"list": [scopes]}}}] is v0.3 [{"name": [scopes]}].
    private static JsonArray ToLegacyRequirements(JsonNode? requirements) =>
        new([.. (requirements as JsonArray ?? []).OfType<JsonObject>().Select(requirement => (JsonNode)new JsonObject(
            (requirement["schemes"] as JsonObject ?? []).Select(scheme => KeyValuePair.Create(scheme.Key, (JsonNode?)(scheme.Value?["list"]?.DeepClone() ?? new JsonArray())))))]);

    private static JsonArray FromLegacyRequirements(JsonNode? requirements) =>
        new([.. (requirements as JsonArray ?? []).OfType<JsonObject>().Select(requirement => (JsonNode)new JsonObject
        {
            ["schemes"] = new JsonObject(requirement.Select(scheme => KeyValuePair.Create(scheme.Key, (JsonNode?)new JsonObject { ["list"] = scheme.Value?.DeepClone() ?? new JsonArray() }))),
        })]);

    // The v1.0 oneof member of each v0.3 scheme type, and what it renames.
    private static readonly (string Member, string Type)[] SchemeTypes =
    [
        ("apiKeySecurityScheme", "apiKey"), ("httpAuthSecurityScheme", "http"), ("oauth2SecurityScheme", "oauth2"),
        ("openIdConnectSecurityScheme", "openIdConnect"), ("mtlsSecurityScheme", "mutualTLS"),
    ];

    private static JsonObject ToLegacyScheme(JsonNode? scheme)
    {
        var result = new JsonObject();
        foreach ((string member, string type) in SchemeTypes)
        {
            if (scheme?[member] is JsonObject body)
            {
                result["type"] = type;
                foreach ((string name, JsonNode? value) in body)
                {
                    result[name == "location" ? "in" : name] = value?.DeepClone();
                }

                return result;
            }
        }

        return result;
    }

    private static JsonNode? FromLegacyScheme(JsonNode? scheme)
    {
        string? type = Text(scheme?["type"]);
        foreach ((string member, string legacyType) in SchemeTypes)
        {
            if (type == legacyType)
            {
                var body = new JsonObject();
                foreach ((string name, JsonNode? value) in scheme!.AsObject())
                {
                    if (name != "type")
                    {
                        body[name == "in" ? "location" : name] = value?.DeepClone();
                    }
                }

                return new JsonObject { [member] = body };
            }
        }

        return new JsonObject();
    }

    private static string? Text(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;
}
