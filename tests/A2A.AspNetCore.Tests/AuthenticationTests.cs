using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using A2A.Client;
using A2A.Protocol;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using static A2A.AspNetCore.Tests.TestRequests;

namespace A2A.AspNetCore.Tests;

/// <summary>
/// The agent's endpoints compose with ASP.NET Core authentication and authorization: <c>RequireAuthorization()</c> on
/// what <c>Map{Name}Agent()</c> returns covers both bindings, streams included, and the agent's card under its route;
/// the client sends credentials through an ordinary HttpClient handler.
/// </summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private Uri _baseUrl = null!;

    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(TokenHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, TokenHandler>(TokenHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddProbeAgent();
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapProbeAgent("/a2a").RequireAuthorization();
        await _app.StartAsync();
        _baseUrl = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("POST", "a2a", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ListTasks\",\"params\":{}}", "1.0")]
    [InlineData("POST", "a2a", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"SendStreamingMessage\",\"params\":{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"hi\"}]}}}", "1.0")]
    [InlineData("GET", "a2a/tasks", null, "1.0")]
    [InlineData("POST", "a2a/message:stream", "{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"hi\"}]}}", "1.0")]
    [InlineData("POST", "a2a/tasks/x:subscribe", null, "1.0")]
    [InlineData("GET", "a2a/.well-known/agent-card.json", null, "1.0")]
    [InlineData("POST", "a2a", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/stream\",\"params\":{\"message\":{\"kind\":\"message\",\"messageId\":\"m\",\"role\":\"user\",\"parts\":[{\"kind\":\"text\",\"text\":\"hi\"}]}}}", "0.3")]
    [InlineData("POST", "a2a/v1/message:send", "{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"content\":[{\"text\":\"hi\"}]}}", "0.3")]
    [InlineData("GET", "a2a/v1/tasks/x:subscribe", null, "0.3")]
    public async Task An_unauthenticated_call_gets_the_challenge_on_every_binding(string method, string path, string? body, string version)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(_baseUrl, path));
        request.Headers.Add("A2A-Version", version);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        using HttpResponseMessage response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(TokenHandler.SchemeName, response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData(ProtocolBindings.JsonRpc)]
    [InlineData(ProtocolBindings.HttpJson)]
    public async Task A_client_with_credentials_in_its_http_handler_is_served_on_either_binding(string binding)
    {
        using var http = new HttpClient(new BearerHandler("good") { InnerHandler = new HttpClientHandler() });
        var client = new A2AClient(http, new Uri(_baseUrl, "a2a"), binding);
        AgentTask task = (await client.SendMessageAsync(Send("hello"))).Task!;
        Assert.Equal(TaskState.Completed, task.Status.State);
        int events = 0;
        await foreach (StreamResponse _ in client.SendStreamingMessageAsync(Send("hello (stream)")))
        {
            events++;
        }

        Assert.Equal(5, events);

        using var wrong = new HttpClient(new BearerHandler("bad") { InnerHandler = new HttpClientHandler() });
        HttpRequestException refused = await Assert.ThrowsAsync<HttpRequestException>(() => new A2AClient(wrong, new Uri(_baseUrl, "a2a"), binding).GetTaskAsync(task.Id));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task The_card_declares_the_scheme_that_guards_the_agent_and_stays_public_at_the_root()
    {
        using var http = new HttpClient();
        AgentCard card = await A2AClient.GetAgentCardAsync(http, _baseUrl); // the root card: public
        Assert.Equal("Bearer", card.SecuritySchemes!.Single(s => s.Key == TokenHandler.SchemeName).Value.HttpAuthSecurityScheme!.Scheme);
        Assert.Equal([TokenHandler.SchemeName], card.SecurityRequirements.Single().Schemes!.Keys);
    }

    /// <summary>Accepts "Authorization: Bearer good"; challenges with "Bearer".</summary>
    private sealed class TokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Bearer";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
            Task.FromResult(Request.Headers.Authorization.ToString() == "Bearer good"
                ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "alice")], SchemeName)), SchemeName))
                : AuthenticateResult.NoResult());

        protected override Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            Response.StatusCode = 401;
            Response.Headers.WWWAuthenticate = SchemeName;
            return Task.CompletedTask;
        }
    }

    private sealed class BearerHandler(string token) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
