using Microsoft.Extensions.Options;

namespace A2A.AspNetCore;

/// <summary>
/// Checks <see cref="A2AServerOptions"/> at start-up: every problem is listed at once, each naming the setting (as its
/// configuration key) and what is wrong with it.
/// </summary>
public sealed class A2AServerOptionsValidator : IValidateOptions<A2AServerOptions>
{
    /// <summary>The largest <see cref="A2AServerOptions.MaxJsonDepth"/> accepted.</summary>
    public const int MaxJsonDepthLimit = 1024;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, A2AServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        string agent = string.IsNullOrEmpty(name) ? "" : $" (agent {name})";

        if (options.MaxRequestBodySize <= 0)
        {
            problems.Add($"A2A:MaxRequestBodySize must be a positive number of bytes; got {options.MaxRequestBodySize}{agent}.");
        }

        if (options.MaxJsonDepth is < 1 or > MaxJsonDepthLimit)
        {
            problems.Add($"A2A:MaxJsonDepth must be between 1 and {MaxJsonDepthLimit}; got {options.MaxJsonDepth}{agent}.");
        }

        if (options.CardCacheDuration < TimeSpan.Zero || options.CardCacheDuration.TotalSeconds > int.MaxValue)
        {
            problems.Add($"A2A:CardCacheDuration must be zero or more and fit in an int of seconds; got {options.CardCacheDuration}{agent}.");
        }

        if (options.RunLeaseDuration < A2AServerOptions.MinRunLeaseDuration || options.RunLeaseDuration > TimeSpan.FromDays(1))
        {
            problems.Add($"A2A:RunLeaseDuration must be between {A2AServerOptions.MinRunLeaseDuration} and 1.00:00:00; got {options.RunLeaseDuration}{agent}.");
        }

        if (options.PushNotifications is null)
        {
            problems.Add($"A2A:PushNotifications must not be null{agent}.");
        }
        else
        {
            problems.AddRange(options.PushNotifications.Validate().Select(problem => $"A2A:{problem[..^1]}{agent}."));
        }

        AgentCardOptions? card = options.Card;
        if (card is null)
        {
            problems.Add($"A2A:Card must not be null{agent}.");
        }
        else
        {
            CheckUrl(problems, "A2A:Card:DocumentationUrl", card.DocumentationUrl, agent);
            CheckUrl(problems, "A2A:Card:IconUrl", card.IconUrl, agent);
            if (card.Version is { } version && string.IsNullOrWhiteSpace(version))
            {
                problems.Add($"A2A:Card:Version must not be blank; leave it out to keep the generated version{agent}.");
            }

            if (card.Provider is { } provider)
            {
                if (string.IsNullOrWhiteSpace(provider.Organization))
                {
                    problems.Add($"A2A:Card:Provider:Organization is required when a provider is set{agent}.");
                }

                if (string.IsNullOrWhiteSpace(provider.Url))
                {
                    problems.Add($"A2A:Card:Provider:Url is required when a provider is set{agent}.");
                }
                else
                {
                    CheckUrl(problems, "A2A:Card:Provider:Url", provider.Url, agent);
                }
            }

            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < card.Skills.Count; i++)
            {
                AgentSkillOptions? skill = card.Skills[i];
                if (skill is null || string.IsNullOrWhiteSpace(skill.Id) || string.IsNullOrWhiteSpace(skill.Name))
                {
                    problems.Add($"A2A:Card:Skills:{i} needs an Id and a Name{agent}.");
                }
                else if (!ids.Add(skill.Id))
                {
                    problems.Add($"A2A:Card:Skills:{i} repeats the skill id '{skill.Id}'{agent}.");
                }
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void CheckUrl(List<string> problems, string key, string? value, string agent)
    {
        if (value is not null
            && !(Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            problems.Add($"{key} must be an absolute http(s) URL; got '{value}'{agent}.");
        }
    }
}
