using A2A.Errors;

namespace A2A.Protocol;

/// <summary>Required-field checks for values that enter the runtime, with errors that name the field.</summary>
internal static class ModelValidation
{
    public static void Validate(Message message, string path)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrEmpty(message.MessageId))
        {
            throw new InvalidParamsException($"{path}.messageId is required: give every message a unique id (TaskUpdater.NewAgentMessage does).");
        }

        if (message.Role == Role.Unspecified)
        {
            throw new InvalidParamsException($"{path}.role is required: ROLE_USER for the client, ROLE_AGENT for the agent.");
        }

        ValidateParts(message.Parts, path);
    }

    public static void Validate(Artifact artifact, string path)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        if (string.IsNullOrEmpty(artifact.ArtifactId))
        {
            throw new InvalidParamsException($"{path}.artifactId is required: every artifact needs an id unique within its task.");
        }

        ValidateParts(artifact.Parts, path);
    }

    private static void ValidateParts(IReadOnlyList<Part> parts, string path)
    {
        if (parts.Count == 0)
        {
            throw new InvalidParamsException($"{path}.parts must contain at least one part.");
        }

        for (int i = 0; i < parts.Count; i++)
        {
            Part? part = parts[i];
            if (part is null || part.ContentCount != 1)
            {
                throw new InvalidParamsException(
                    $"{path}.parts[{i}] must carry exactly one of text, raw, url or data (use Part.FromText, FromRaw, FromUrl or FromData).");
            }
        }
    }
}
