using System.Text.Json;

namespace A2A.AspNetCore.Tests.V03;

/// <summary>
/// Traffic recorded from the official JavaScript SDK (../shared/a2a-wire beside the repository), read as JSON shapes:
/// every member path with its JSON kind, and the values of the members that carry meaning on their own (kind, state,
/// role, final, append, lastChunk), so that an answer of ours can be compared with the SDK's for the same request.
/// Metadata is left out: it is the agent's, not the protocol's.
/// </summary>
internal static class RecordedWire
{
    private static readonly HashSet<string> Discriminators = ["kind", "state", "role", "final", "append", "lastChunk", "jsonrpc"];

    /// <summary>The directory of the recordings.</summary>
    public static string Directory
    {
        get
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "A2A.Toolkit.sln")))
                {
                    string wire = Path.Combine(dir.FullName, "..", "shared", "a2a-wire");
                    return System.IO.Directory.Exists(wire) ? wire : throw new DirectoryNotFoundException($"The recorded A2A traffic is expected at {Path.GetFullPath(wire)} (../shared beside the repository).");
                }
            }

            throw new DirectoryNotFoundException("The repository root (A2A.Toolkit.sln) was not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The JSON bodies of a recorded exchange: the request's, then the response's (each SSE event's for a stream).</summary>
    public static (string Request, string[] Response) Exchange(string relativePath)
    {
        string[] lines = File.ReadAllLines(Path.Combine(Directory, relativePath));
        int answer = Array.FindIndex(lines, l => l.StartsWith("<<< ", StringComparison.Ordinal));
        string request = lines.Take(answer).Where(l => l.StartsWith('{')).FirstOrDefault() ?? "";
        string[] response = lines.Skip(answer)
            .Select(l => l.StartsWith("data: ", StringComparison.Ordinal) ? l["data: ".Length..] : l)
            .Where(l => l.StartsWith('{'))
            .ToArray();
        return (request, response);
    }

    /// <summary>The shape of a JSON text: sorted "path kind" lines (arrays collapsed to []), discriminators with their values.</summary>
    public static string[] Shape(string json)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        using JsonDocument document = JsonDocument.Parse(json);
        Walk(document.RootElement, "$", lines);
        return [.. lines];
    }

    private static void Walk(JsonElement element, string path, SortedSet<string> lines)
    {
        string name = path[(path.LastIndexOf('.') + 1)..];
        lines.Add(Discriminators.Contains(name) && element.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)
            ? $"{path} = {element.GetRawText()}"
            : $"{path} {element.ValueKind}");
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    if (property.Name != "metadata")
                    {
                        Walk(property.Value, path + "." + property.Name, lines);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in element.EnumerateArray())
                {
                    Walk(item, path + "[]", lines);
                }

                break;
        }
    }
}
