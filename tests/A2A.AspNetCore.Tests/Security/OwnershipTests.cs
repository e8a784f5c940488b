using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using A2A.AspNetCore.Security;
using A2A.Client;
using A2A.Errors;
using A2A.Protocol;
using A2A.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using static A2A.AspNetCore.Tests.TestRequests;

namespace A2A.AspNetCore.Tests.Security;

/// <summary>
/// Tasks belong to the caller that created them (in the tenant its request named): another caller, an
/// unauthenticated one, or the same user in another tenant cannot get, list, cancel, subscribe to, continue or
/// configure push notifications for them on either binding, in v1.0 or v0.3, and is told exactly what an unknown id
/// tells it.
/// </summary>
public sealed class OwnershipTests(OwnershipTests.Server server) : IClassFixture<OwnershipTests.Server>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static TheoryData<string> Bindings => new() { ProtocolBindings.JsonRpc, ProtocolBindings.HttpJson };

    [Theory]
    [MemberData(nameof(Bindings))]
    public async Task Another_caller_cannot_touch_a_task_and_learns_nothing_about_it(string binding)
    {
        A2AClient alice = server.ClientFor("alice", binding);
        AgentTask task = (await alice.SendMessageAsync(Send("input please"))).Task!;
        Assert.Equal(TaskState.InputRequired, task.Status.State);
        await alice.CreateTaskPushNotificationConfigAsync(new TaskPushNotificationConfig { TaskId = task.Id, Id = "hook", Url = "https://hooks.example/a2a" });

        // Bob and an anonymous caller, each in v1.0 and in v0.3 (which lacks ListTasks, checked in v1.0 below).
        foreach (A2AClient intruder in new[] { server.ClientFor("bob", binding), server.ClientFor(null, binding), server.ClientFor("bob", binding, "0.3"), server.ClientFor(null, binding, "0.3") })
        {
            await AssertNotFoundAsync(task.Id, () => intruder.GetTaskAsync(task.Id));
            await AssertNotFoundAsync(task.Id, () => intruder.CancelTaskAsync(task.Id));
            await AssertNotFoundAsync(task.Id, () => intruder.SubscribeToTaskAsync(task.Id).GetAsyncEnumerator().MoveNextAsync().AsTask());
            await AssertNotFoundAsync(task.Id, () => intruder.SendMessageAsync(Send("let me in", task.Id, task.ContextId)));
            await AssertNotFoundAsync(task.Id, () => intruder.SendStreamingMessageAsync(Send("let me in", task.Id, task.ContextId)).GetAsyncEnumerator().MoveNextAsync().AsTask());
            await AssertNotFoundAsync(task.Id, () => intruder.GetTaskPushNotificationConfigAsync(task.Id, "hook"));
            await AssertNotFoundAsync(task.Id, () => intruder.ListTaskPushNotificationConfigsAsync(task.Id));
            await AssertNotFoundAsync(task.Id, () => intruder.DeleteTaskPushNotificationConfigAsync(task.Id, "hook"));
            await AssertNotFoundAsync(task.Id, () => intruder.CreateTaskPushNotificationConfigAsync(new TaskPushNotificationConfig { TaskId = task.Id, Url = "https://evil.example/" }));
            if (intruder.ProtocolVersion == "1.0")
            {
                Assert.DoesNotContain((await intruder.ListTasksAsync(new ListTasksRequest { PageSize = 100 })).Tasks, t => t.Id == task.Id);
                Assert.DoesNotContain((await intruder.ListTasksAsync(new ListTasksRequest { ContextId = task.ContextId })).Tasks, t => t.Id == task.Id);
            }
        }

        // Nothing the others tried changed the task; its owner still has it all, and finishes it.
        AgentTask after = await alice.GetTaskAsync(task.Id);
        Assert.Equal((TaskState.InputRequired, task.History.Count), (after.Status.State, after.History.Count));
        Assert.Equal(["hook"], (await alice.ListTaskPushNotificationConfigsAsync(task.Id)).Configs.Select(c => c.Id));
        Assert.Contains((await alice.ListTasksAsync(new ListTasksRequest { PageSize = 100 })).Tasks, t => t.Id == task.Id);
        Assert.Equal(TaskState.Completed, (await alice.SendMessageAsync(Send("here it is", task.Id, task.ContextId))).Task!.Status.State);
    }

    [Theory]
    [MemberData(nameof(Bindings))]
    public async Task Each_caller_lists_only_its_own_tasks_with_counts_to_match(string binding)
    {
        A2AClient carol = server.ClientFor("carol-" + binding, binding);
        A2AClient dave = server.ClientFor("dave-" + binding, binding);
        string[] carols = [(await carol.SendMessageAsync(Send("one"))).Task!.Id, (await carol.SendMessageAsync(Send("two"))).Task!.Id];
        string daves = (await dave.SendMessageAsync(Send("three"))).Task!.Id;

        ListTasksResponse carolsList = await carol.ListTasksAsync(new ListTasksRequest { PageSize = 1 });
        ListTasksResponse carolsNext = await carol.ListTasksAsync(new ListTasksRequest { PageSize = 1, PageToken = carolsList.NextPageToken });
        ListTasksResponse davesList = await dave.ListTasksAsync();

        Assert.Equal(2, carolsList.TotalSize);
        Assert.Equal(carols.Reverse(), carolsList.Tasks.Concat(carolsNext.Tasks).Select(t => t.Id));
        Assert.Equal("", carolsNext.NextPageToken);
        Assert.Equal([daves], davesList.Tasks.Select(t => t.Id));
        Assert.Equal(1, davesList.TotalSize);
    }

    [Theory]
    [MemberData(nameof(Bindings))]
    public async Task The_handler_sees_who_is_calling(string binding)
    {
        Assert.Equal("erin@", (await server.ClientFor("erin", binding).SendMessageAsync(Send("whoami"))).Message!.GetText());
        Assert.Equal("anonymous@", (await server.ClientFor(null, binding).SendMessageAsync(Send("whoami"))).Message!.GetText());
    }

    [Fact]
    public async Task A_tenant_is_a_separate_space_for_the_same_user_on_both_bindings()
    {
        // JSON-RPC names the tenant in params; HTTP+JSON in the path's first segment (or the body).
        JsonElement created = await server.RpcAsync("frank", """{"jsonrpc":"2.0","id":1,"method":"SendMessage","params":{"tenant":"t1","message":{"messageId":"m1","role":"ROLE_USER","parts":[{"text":"input please"}]}}}""");
        string id = created.GetProperty("result").GetProperty("task").GetProperty("id").GetString()!;

        Assert.Equal(id, (await server.RpcAsync("frank", $$$"""{"jsonrpc":"2.0","id":2,"method":"GetTask","params":{"tenant":"t1","id":"{{{id}}}"}}""")).GetProperty("result").GetProperty("id").GetString());
        Assert.Equal(-32001, (await server.RpcAsync("frank", $$$"""{"jsonrpc":"2.0","id":3,"method":"GetTask","params":{"id":"{{{id}}}"}}""")).GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(-32001, (await server.RpcAsync("frank", $$$"""{"jsonrpc":"2.0","id":4,"method":"GetTask","params":{"tenant":"t2","id":"{{{id}}}"}}""")).GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(-32001, (await server.RpcAsync(null, $$$"""{"jsonrpc":"2.0","id":5,"method":"GetTask","params":{"tenant":"t1","id":"{{{id}}}"}}""")).GetProperty("error").GetProperty("code").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await server.RestAsync("frank", HttpMethod.Get, $"t1/tasks/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await server.RestAsync("frank", HttpMethod.Get, $"tasks/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await server.RestAsync("frank", HttpMethod.Get, $"t2/tasks/{id}")).Status);
        (HttpStatusCode _, string inT1) = await server.RestAsync("frank", HttpMethod.Get, "t1/tasks");
        (HttpStatusCode _, string inT2) = await server.RestAsync("frank", HttpMethod.Get, "t2/tasks");
        Assert.Contains(id, inT1, StringComparison.Ordinal);
        Assert.DoesNotContain(id, inT2, StringComparison.Ordinal);

        (HttpStatusCode whoStatus, string who) = await server.RestAsync("frank", HttpMethod.Post, "t1/message:send", """{"message":{"messageId":"m2","role":"ROLE_USER","parts":[{"text":"whoami"}]}}""");
        Assert.Equal(HttpStatusCode.OK, whoStatus);
        Assert.Contains("frank@t1", who, StringComparison.Ordinal);
        (HttpStatusCode mismatch, string refused) = await server.RestAsync("frank", HttpMethod.Post, "t1/message:send", """{"tenant":"t2","message":{"messageId":"m3","role":"ROLE_USER","parts":[{"text":"hi"}]}}""");
        Assert.Equal(HttpStatusCode.BadRequest, mismatch);
        Assert.Contains("tenant", refused, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Bindings))]
    public async Task An_authorizer_narrows_what_an_owner_may_do_and_its_denial_looks_like_not_found(string binding)
    {
        // The test authorizer lets "readonly-" callers read their tasks but not cancel or continue them.
        A2AClient reader = server.ClientFor("readonly-gina-" + binding, binding);
        AgentTask task = (await reader.SendMessageAsync(Send("input please"))).Task!;

        Assert.Equal(task.Id, (await reader.GetTaskAsync(task.Id)).Id);
        Assert.Contains((await reader.ListTasksAsync()).Tasks, t => t.Id == task.Id);
        await AssertNotFoundAsync(task.Id, () => reader.CancelTaskAsync(task.Id));
        await AssertNotFoundAsync(task.Id, () => reader.SendMessageAsync(Send("more", task.Id, task.ContextId)));
        Assert.Equal(TaskState.InputRequired, (await reader.GetTaskAsync(task.Id)).Status.State);
    }

    [Theory]
    [MemberData(nameof(Bindings))]
    public async Task The_extended_card_is_for_authenticated_callers_only_in_either_version(string binding)
    {
        AgentCard publicCard = await A2AClient.GetAgentCardAsync(server.Http, server.Endpoint);
        Assert.True(publicCard.Capabilities.ExtendedAgentCard);
        Assert.Empty(publicCard.SecurityRequirements); // nothing requires authorization here, so the card promises none
        Assert.DoesNotContain(publicCard.Skills, s => s.Id == "members-only");

        foreach (string version in new[] { "1.0", "0.3" })
        {
            A2AClient member = server.ClientFor("hank", binding, version);
            AgentCard extended = await member.GetExtendedAgentCardAsync();
            Assert.Contains(extended.Skills, s => s.Id == "members-only" && s.Description == "for hank");

            A2AClient anonymous = server.ClientFor(null, binding, version);
            HttpRequestException refused = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.GetExtendedAgentCardAsync());
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
    }

    // Denied exactly as an unknown id is: same error, same message.
    private static async Task AssertNotFoundAsync(string taskId, Func<Task> call)
    {
        TaskNotFoundException denied = await Assert.ThrowsAsync<TaskNotFoundException>(call).WaitAsync(Patience);
        Assert.Equal(new TaskNotFoundException(taskId).Message, denied.Message);
    }

    /// <summary>The probe agent with push on, behind a bearer scheme whose token is the user id; no authorization required.</summary>
    public sealed class Server : ProbeServer
    {
        public Server()
        {
            Options.PushNotifications.Enabled = true;
            Options.Card.ExtendedCard = (card, user) => card with
            {
                Skills = [.. card.Skills, new AgentSkill { Id = "members-only", Name = "members only", Description = "for " + user.FindFirst(ClaimTypes.NameIdentifier)!.Value }],
            };
        }

        /// <summary>A client signed in as <paramref name="user"/> (anonymous when null) through an ordinary HttpClient handler.</summary>
        public A2AClient ClientFor(string? user, string binding, string version = "1.0") =>
            new(new HttpClient(new BearerHandler(user) { InnerHandler = new HttpClientHandler() }) { Timeout = TimeSpan.FromSeconds(30) }, Endpoint, binding, version);

        public async Task<JsonElement> RpcAsync(string? user, string body)
        {
            (HttpStatusCode _, string text) = await SendAsync(user, HttpMethod.Post, "a2a", body);
            return JsonDocument.Parse(text).RootElement.Clone();
        }

        public Task<(HttpStatusCode Status, string Body)> RestAsync(string? user, HttpMethod method, string path, string? body = null) =>
            SendAsync(user, method, "a2a/" + path, body);

        private async Task<(HttpStatusCode, string)> SendAsync(string? user, HttpMethod method, string path, string? body)
        {
            using var request = new HttpRequestMessage(method, new Uri(BaseUrl, path));
            request.Headers.Add("A2A-Version", "1.0");
            if (user is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user);
            }

            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            using HttpResponseMessage response = await Http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        protected override void Configure(WebApplicationBuilder builder)
        {
            builder.Services.AddAuthentication(UserTokenHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, UserTokenHandler>(UserTokenHandler.SchemeName, null);
            builder.Services.AddSingleton<ITaskAuthorizer, ReadOnlyCallers>();
        }

        protected override void ConfigurePipeline(WebApplication app) => app.UseAuthentication();
    }

    private sealed class ReadOnlyCallers : ITaskAuthorizer
    {
        public ValueTask<bool> AuthorizeAsync(TaskCaller caller, AgentTask task, TaskOperation operation, CancellationToken cancellationToken) =>
            ValueTask.FromResult(!caller.User.IsInRole("readonly") || operation is TaskOperation.Read or TaskOperation.Subscribe);
    }

    /// <summary>"Authorization: Bearer {user}" signs in as {user}; "readonly-" users get the readonly role.</summary>
    private sealed class UserTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Bearer";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            string header = Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            string user = header["Bearer ".Length..];
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user)], SchemeName, ClaimTypes.NameIdentifier, ClaimTypes.Role);
            if (user.StartsWith("readonly-", StringComparison.Ordinal))
            {
                identity.AddClaim(new Claim(ClaimTypes.Role, "readonly"));
            }

            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }

    private sealed class BearerHandler(string? user) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (user is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
