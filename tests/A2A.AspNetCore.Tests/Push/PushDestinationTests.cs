using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using A2A.AspNetCore.Push;
using A2A.Diagnostics;
using A2A.Errors;
using A2A.Protocol;
using A2A.Storage;
using A2A.Testing;
using Microsoft.Extensions.Logging.Abstractions;

using static A2A.AspNetCore.Tests.TestRequests;

namespace A2A.AspNetCore.Tests.Push;

/// <summary>
/// The SSRF guard: webhooks on internal addresses are refused at registration when the URL shows it, and at connect
/// time when a host name resolves to one (as DNS rebinding would make it), unless the options allow private networks.
/// </summary>
public sealed class PushDestinationTests : IClassFixture<PushDestinationTests.StrictServer>, IAsyncLifetime
{
    private readonly StrictServer _server;
    private WebhookReceiver _hook = null!;

    public PushDestinationTests(StrictServer server) => _server = server;

    public async Task InitializeAsync() => _hook = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _hook.DisposeAsync();

    [Theory]
    [InlineData("127.0.0.1")] // loopback
    [InlineData("127.8.9.10")]
    [InlineData("10.1.2.3")] // private
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")] // link-local, the cloud metadata address
    [InlineData("100.100.100.200")] // shared address space (a metadata address too)
    [InlineData("0.0.0.0")] // "this host"
    [InlineData("224.0.0.1")] // multicast
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")] // link-local
    [InlineData("fc00::1")] // unique-local
    [InlineData("fd00:ec2::254")] // unique-local (a metadata address)
    [InlineData("::ffff:127.0.0.1")] // IPv4-mapped
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::127.0.0.1")] // IPv4-compatible
    [InlineData("64:ff9b::a00:1")] // NAT64 of 10.0.0.1
    [InlineData("2002:c0a8:101::1")] // 6to4 of 192.168.1.1
    [InlineData("ff02::1")] // multicast
    public void Internal_addresses_are_refused_unless_allowed(string address)
    {
        IPAddress ip = IPAddress.Parse(address);
        Assert.True(PushDestinationPolicy.PublicOnly.Refuses(ip));
        Assert.False(PushDestinationPolicy.AnyNetwork.Refuses(ip));
        string host = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address;
        Assert.NotNull(PushDestinationPolicy.PublicOnly.CheckUrl($"https://{host}/hook"));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.8.8")]
    public void Public_addresses_are_allowed(string address)
    {
        Assert.False(PushDestinationPolicy.PublicOnly.Refuses(IPAddress.Parse(address)));
    }

    [Fact]
    public void Localhost_by_name_is_refused_and_other_names_wait_for_connect_time()
    {
        Assert.NotNull(PushDestinationPolicy.PublicOnly.CheckUrl("http://localhost:8080/hook"));
        Assert.NotNull(PushDestinationPolicy.PublicOnly.CheckUrl("http://api.localhost/hook"));
        Assert.Null(PushDestinationPolicy.PublicOnly.CheckUrl("https://hooks.example.com/a2a"));
    }

    [Fact]
    public async Task A_server_with_the_default_options_refuses_a_loopback_webhook_at_registration()
    {
        AgentTask task = (await _server.Client.SendMessageAsync(Send("hello"))).Task!;
        InvalidParamsException refused = await Assert.ThrowsAsync<InvalidParamsException>(() => _server.Client.CreateTaskPushNotificationConfigAsync(_hook.Config(task.Id)));
        Assert.Contains("public addresses only", refused.Message, StringComparison.Ordinal);

        SendMessageRequest inline = Send("hello") with { Configuration = new SendMessageConfiguration { TaskPushNotificationConfig = _hook.Config() with { Url = "http://[::ffff:127.0.0.1]:1/hook" } } };
        await Assert.ThrowsAsync<InvalidParamsException>(() => _server.Client.SendMessageAsync(inline));
    }

    [Fact]
    public async Task A_host_name_that_resolves_to_loopback_is_refused_when_connecting()
    {
        int port = new Uri(_hook.Url).Port;
        var rebinding = new PushDestinationPolicy(allowPrivateNetworks: false, ResolveToLoopback);
        using var strict = new HttpClient(rebinding.CreateHandler());
        HttpRequestException refused = await Assert.ThrowsAnyAsync<HttpRequestException>(() => strict.PostAsync($"http://rebind.test:{port}/hook", new StringContent("{}")));
        Assert.Contains("public addresses only", Flatten(refused), StringComparison.Ordinal);
        Assert.Empty(_hook.Requests);

        // The same name through a policy that allows private networks does reach the webhook: the check is on the
        // address the callback resolved and connected to.
        using var open = new HttpClient(new PushDestinationPolicy(allowPrivateNetworks: true, ResolveToLoopback).CreateHandler());
        HttpResponseMessage answered = await open.PostAsync($"http://rebind.test:{port}/hook", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.Unauthorized, answered.StatusCode);
        Assert.Single(_hook.Requests);
    }

    [Fact]
    public async Task A_refused_delivery_is_logged_counted_and_not_retried()
    {
        var outcomes = new ConcurrentBag<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == A2ATelemetry.Name && instrument.Name == "a2a.push.notifications")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) => outcomes.Add(string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"))));
        listener.Start();

        var store = new InMemoryTaskStore();
        await store.CreateAsync(new AgentTask { Id = "t1", ContextId = "c1", Status = new AgentTaskStatus { State = TaskState.Completed } });
        var options = new PushNotificationOptions { MaxAttempts = 5, InitialRetryDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(10) };
        using var client = new HttpClient(new PushDestinationPolicy(allowPrivateNetworks: false, ResolveToLoopback).CreateHandler());
        await using var delivery = new PushDeliveryService(store, store, options, new PushNotificationSender(() => client, options.RequestTimeout), NullLogger.Instance);
        int port = new Uri(_hook.Url).Port;
        await store.SavePushConfigAsync(_hook.Config("t1") with { Id = "c", Url = $"http://rebind.test:{port}/hook" }, 0, 10);
        delivery.Wake("t1");

        await WaitUntilAsync(() => Task.FromResult(outcomes.ToArray()), o => o.Contains("a2a.push.outcome=refused"), WebhookReceiver.Hang);
        await WaitUntilAsync(async () => (await store.ListPushConfigsAsync("t1")).Single().DeliveredSequence, d => d == 1, WebhookReceiver.Hang);
        Assert.Empty(_hook.Requests);
    }

    private static Task<IPAddress[]> ResolveToLoopback(string host, CancellationToken cancellationToken) =>
        Task.FromResult(host == "rebind.test" ? new[] { IPAddress.Loopback } : Array.Empty<IPAddress>());

    private static string Flatten(Exception? ex)
    {
        var text = new System.Text.StringBuilder();
        for (; ex is not null; ex = ex.InnerException)
        {
            text.AppendLine(ex.Message);
        }

        return text.ToString();
    }

    /// <summary>The probe agent with push notifications on and the default destination rules (public addresses only).</summary>
    public sealed class StrictServer : ProbeServer
    {
        public StrictServer() => Options.PushNotifications.Enabled = true;
    }
}
