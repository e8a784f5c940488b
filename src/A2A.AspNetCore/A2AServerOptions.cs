namespace A2A.AspNetCore;

/// <summary>
/// Limits and behavior of one agent's A2A endpoints. Bound from configuration (the <c>A2A</c> section, then
/// <c>A2A:Agents:{AgentName}</c> for one agent) when the agent is registered with its generated
/// <c>Add{Name}Agent()</c>, and validated at start-up by <see cref="A2AServerOptionsValidator"/>.
/// </summary>
public sealed class A2AServerOptions
{
    /// <summary>
    /// The largest JSON-RPC request body accepted, in bytes (1 MiB by default). A larger one is answered with a
    /// JSON-RPC invalid-request error before it is parsed.
    /// </summary>
    public int MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>The deepest JSON nesting accepted (64 by default); deeper input is a parse error.</summary>
    public int MaxJsonDepth { get; set; } = 64;

    /// <summary>How long the agent card may be cached by clients (the <c>Cache-Control</c> max-age).</summary>
    public TimeSpan CardCacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Whether a task whose handler threw carries the exception's type and message in its failed status (which the
    /// client reads). Off by default: the status says only that the agent failed, and the exception, with its stack
    /// trace and the task id, goes to the log.
    /// </summary>
    public bool IncludeExceptionDetails { get; set; }

    /// <summary>
    /// Whether this agent's card is also served at the application's root, <c>/.well-known/agent-card.json</c> (it is
    /// always served under the agent's own path, <c>{pattern}/.well-known/agent-card.json</c>). Null (the default):
    /// the agent mapped at <c>/</c> has it, or else the only agent the application maps. True: this agent claims it;
    /// two claims are a start-up error. False: never.
    /// </summary>
    public bool? ServeCardAtRoot { get; set; }

    /// <summary>
    /// With a task store that several server instances share (SQLite, PostgreSQL): how long the other instances wait,
    /// after this one stops renewing (it crashed, or lost the database), before they take over the tasks whose
    /// handlers it was running and fail the ones left submitted or working. 30 seconds by default, at least 1 second;
    /// renewed every third of it. Ignored with the in-memory store.
    /// </summary>
    public TimeSpan RunLeaseDuration { get; set; } = DefaultRunLeaseDuration;

    /// <summary>The default <see cref="RunLeaseDuration"/>.</summary>
    public static TimeSpan DefaultRunLeaseDuration { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The shortest <see cref="RunLeaseDuration"/> accepted.</summary>
    public static TimeSpan MinRunLeaseDuration { get; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether the agent also speaks the HTTP+JSON (REST) binding, under its route next to the JSON-RPC endpoint
    /// (<c>{pattern}/message:send</c>, <c>{pattern}/tasks/{id}</c>, ...), and its card lists that interface. On by default.
    /// </summary>
    public bool HttpJsonBinding { get; set; } = true;

    /// <summary>
    /// The claim that identifies who an authenticated caller is, for task ownership: a task belongs to the caller that
    /// created it (and the tenant its request named), and only that caller can read, list, cancel, subscribe to or
    /// continue it. Null (the default): the name identifier claim, else <c>sub</c>, else the principal's name. Set a
    /// claim several callers share (a team, an organization) to let them share their tasks.
    /// </summary>
    public string? TaskOwnerClaimType { get; set; }

    /// <summary>
    /// Whether the agent also serves A2A v0.3 clients, on the same endpoints: a request without an <c>A2A-Version</c>
    /// header (or with <c>0.3</c>) is read and answered in v0.3 (JSON-RPC methods such as <c>message/send</c>,
    /// HTTP+JSON routes under <c>/v1/</c>), and the card served without a version header carries the v0.3 fields next
    /// to <c>supportedInterfaces</c>, which lists the v0.3 interfaces. On by default; off, such requests get
    /// <c>VersionNotSupportedError</c> and the card is v1.0 only.
    /// </summary>
    public bool V03Compatibility { get; set; } = true;

    /// <summary>Push notifications: whether the agent offers them, which changes it pushes, and how it delivers.</summary>
    public Push.PushNotificationOptions PushNotifications { get; set; } = new();

    /// <summary>Additions to the generated agent card: provider, documentation, icon, version, extra skills.</summary>
    public AgentCardOptions Card { get; set; } = new();
}

/// <summary>
/// What a deployment adds to an agent's generated card without editing code: every property left null keeps the
/// generated value. For anything else, <see cref="Customize"/> gets the final card.
/// </summary>
public sealed class AgentCardOptions
{
    /// <summary>The agent's version on the card (the attribute's <c>Version</c> otherwise).</summary>
    public string? Version { get; set; }

    /// <summary>The card's description (the attribute's <c>Description</c> otherwise).</summary>
    public string? Description { get; set; }

    /// <summary>An absolute http(s) URL of the agent's documentation.</summary>
    public string? DocumentationUrl { get; set; }

    /// <summary>An absolute http(s) URL of the agent's icon.</summary>
    public string? IconUrl { get; set; }

    /// <summary>Who provides the agent; both its fields are required when it is set.</summary>
    public AgentProviderOptions? Provider { get; set; }

    /// <summary>Skills added after the ones declared with <c>[A2ASkill]</c>; ids must not repeat.</summary>
    public IList<AgentSkillOptions> Skills { get; } = [];

    /// <summary>
    /// Last say over the card: gets the card with everything above applied and returns the one served. A card that
    /// declares no security gets it from what guards the agent's endpoints (the authentication schemes of
    /// <c>RequireAuthorization</c>: JWT bearer and other <c>Bearer</c> schemes as HTTP bearer, certificates as mutual
    /// TLS); declare the security here when the schemes are ones the card cannot describe by itself (API keys, OAuth 2).
    /// </summary>
    public Func<A2A.Protocol.AgentCard, A2A.Protocol.AgentCard>? Customize { get; set; }

    /// <summary>
    /// The extended card: what <c>GetExtendedAgentCard</c> answers an authenticated caller (for example the public
    /// card with skills only members see). It gets the public card and the caller. When set, the public card says
    /// <c>capabilities.extendedAgentCard: true</c>; an unauthenticated caller gets the authentication challenge (HTTP 401).
    /// </summary>
    public Func<A2A.Protocol.AgentCard, System.Security.Claims.ClaimsPrincipal, A2A.Protocol.AgentCard>? ExtendedCard { get; set; }
}

/// <summary>The organization that provides an agent.</summary>
public sealed class AgentProviderOptions
{
    /// <summary>The organization's name.</summary>
    public string Organization { get; set; } = "";

    /// <summary>The organization's website (absolute http(s) URL).</summary>
    public string Url { get; set; } = "";
}

/// <summary>A skill added to the card from options.</summary>
public sealed class AgentSkillOptions
{
    /// <summary>Unique id of the skill within the agent. Required.</summary>
    public string Id { get; set; } = "";

    /// <summary>Human-readable name. Required.</summary>
    public string Name { get; set; } = "";

    /// <summary>What the skill does.</summary>
    public string Description { get; set; } = "";

    /// <summary>Keywords.</summary>
    public IList<string> Tags { get; } = [];

    /// <summary>Example prompts.</summary>
    public IList<string> Examples { get; } = [];
}
