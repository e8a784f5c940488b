using A2A.Protocol;

namespace A2A.AspNetCore;

/// <summary>Applies <see cref="AgentCardOptions"/> (and the push notification switch) to a generated card.</summary>
internal static class AgentCardCustomizer
{
    /// <exception cref="InvalidOperationException">An added skill repeats the id of a declared one, or the callback fails.</exception>
    public static AgentCard Apply(AgentCard card, AgentCardOptions options, bool? pushNotifications, string agentName)
    {
        AgentSkill[] extra = options.Skills.Select(s => new AgentSkill
        {
            Id = s.Id,
            Name = s.Name,
            Description = s.Description,
            Tags = [.. s.Tags],
            Examples = [.. s.Examples],
        }).ToArray();
        if (extra.FirstOrDefault(s => card.Skills.Any(declared => declared.Id == s.Id)) is { } clash)
        {
            throw new InvalidOperationException(
                $"The agent card options of '{agentName}' add the skill '{clash.Id}', which its [A2ASkill] attributes already declare; give the added skill another id.");
        }

        AgentCard customized = card with
        {
            Version = options.Version ?? card.Version,
            Description = options.Description ?? card.Description,
            DocumentationUrl = options.DocumentationUrl ?? card.DocumentationUrl,
            IconUrl = options.IconUrl ?? card.IconUrl,
            Provider = options.Provider is { } provider ? new AgentProvider { Organization = provider.Organization, Url = provider.Url } : card.Provider,
            Skills = extra.Length == 0 ? card.Skills : [.. card.Skills, .. extra],
            Capabilities = card.Capabilities with
            {
                PushNotifications = pushNotifications ?? card.Capabilities.PushNotifications,
                ExtendedAgentCard = options.ExtendedCard is not null ? true : card.Capabilities.ExtendedAgentCard,
            },
        };

        if (options.Customize is null)
        {
            return customized;
        }

        return options.Customize(customized)
            ?? throw new InvalidOperationException($"The agent card callback (A2AServerOptions.Card.Customize) of '{agentName}' returned null.");
    }
}
