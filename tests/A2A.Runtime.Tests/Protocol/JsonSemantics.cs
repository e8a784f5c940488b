using System.Text.Json.Nodes;

namespace A2A.Runtime.Tests.Protocol;

/// <summary>
/// ProtoJSON semantic equality: two bodies are equal when they are equal after dropping members that hold a
/// default value (null, "", false, 0, []), because a ProtoJSON writer may either emit or omit those.
/// </summary>
internal static class JsonSemantics
{
    public static JsonNode? Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (KeyValuePair<string, JsonNode?> pair in obj)
                {
                    JsonNode? value = Normalize(pair.Value);
                    if (!IsDefault(value))
                    {
                        result[pair.Key] = value;
                    }
                }

                return result;
            case JsonArray array:
                return new JsonArray(array.Select(Normalize).ToArray());
            default:
                return node?.DeepClone();
        }
    }

    public static void AssertEquivalent(string expected, string actual)
    {
        JsonNode? left = Normalize(JsonNode.Parse(expected));
        JsonNode? right = Normalize(JsonNode.Parse(actual));
        Assert.True(JsonNode.DeepEquals(left, right), $"JSON differs semantically.\nexpected: {left?.ToJsonString()}\nactual:   {right?.ToJsonString()}");
    }

    private static bool IsDefault(JsonNode? value) => value switch
    {
        null => true,
        JsonArray { Count: 0 } => true,
        JsonValue v when v.TryGetValue(out string? s) => s.Length == 0,
        JsonValue v when v.TryGetValue(out bool b) => !b,
        JsonValue v when v.TryGetValue(out double d) => d == 0,
        _ => false,
    };
}
