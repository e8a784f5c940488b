using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace A2A.AspNetCore.Tests.V03;

/// <summary>
/// Our v0.3 answers have the shapes the JavaScript SDK's server gives for the same requests (recorded in
/// ../shared/a2a-wire/selftest), for both v0.3 bindings: JSON-RPC (the v0.3 JSON schema) and HTTP+JSON (the v0.3
/// proto's JSON). (Input-required is left out: the JavaScript SDK also copies the question into the history, a
/// difference of the runtimes, not of the protocol versions.)
/// </summary>
public sealed class V03WireTests(ProbeServer server) : IClassFixture<ProbeServer>
{
    [Theory]
    [InlineData("js-client-v03-jsonrpc/002-send.txt")]
    [InlineData("js-client-v03-jsonrpc/003-stream.txt")]
    [InlineData("js-client-v03-jsonrpc/016-fail.txt")]
    public async Task Json_rpc_answers_have_the_js_sdk_shapes(string recording)
    {
        (string request, string[] recorded) = RecordedWire.Exchange(Path.Combine("selftest", recording));
        string[] ours = await SendAsync(HttpMethod.Post, "a2a", request);
        AssertSameShapes(recorded, ours);
    }

    [Theory]
    [InlineData("js-client-v03-rest/002-send.txt", "v1/message:send")]
    [InlineData("js-client-v03-rest/003-stream.txt", "v1/message:stream")]
    [InlineData("js-client-v03-rest/016-fail.txt", "v1/message:send")]
    public async Task Http_json_answers_have_the_js_sdk_shapes(string recording, string path)
    {
        (string request, string[] recorded) = RecordedWire.Exchange(Path.Combine("selftest", recording));
        string[] ours = await SendAsync(HttpMethod.Post, "a2a/" + path, request);
        AssertSameShapes(recorded, ours);
    }

    private static void AssertSameShapes(string[] recorded, string[] ours)
    {
        Assert.Equal(recorded.Length, ours.Length);
        for (int i = 0; i < recorded.Length; i++)
        {
            string[] expected = RecordedWire.Shape(recorded[i]);
            string[] actual = RecordedWire.Shape(ours[i]);
            Assert.True(expected.SequenceEqual(actual), $"answer {i + 1} differs from the JS SDK's:\nonly theirs:\n  {string.Join("\n  ", expected.Except(actual))}\nonly ours:\n  {string.Join("\n  ", actual.Except(expected))}\nours: {ours[i]}");
        }
    }

    private async Task<string[]> SendAsync(HttpMethod method, string path, string body)
    {
        using var request = new HttpRequestMessage(method, new Uri(server.BaseUrl, path)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("A2A-Version", "0.3");
        using HttpResponseMessage response = await server.Http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return response.Content.Headers.ContentType?.MediaType == "text/event-stream"
            ? text.Split('\n').Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).Select(l => l["data: ".Length..]).ToArray()
            : [text];
    }
}

/// <summary>The card a client gets without asking for v1.0: the v0.3 fields beside <c>supportedInterfaces</c>, as the JavaScript SDK serves it.</summary>
public sealed class V03CardTests(ProbeServer server) : IClassFixture<ProbeServer>
{
    [Fact]
    public async Task Without_a_version_header_the_card_carries_the_v03_fields_and_lists_every_interface()
    {
        using JsonDocument blended = await CardAsync(version: null);
        using JsonDocument v1 = await CardAsync(version: "1.0");
        JsonElement card = blended.RootElement;
        string url = new Uri(server.BaseUrl, "a2a").ToString();

        Assert.Equal((url, "JSONRPC", "0.3.0", false), (card.GetProperty("url").GetString(), card.GetProperty("preferredTransport").GetString(), card.GetProperty("protocolVersion").GetString(), card.GetProperty("supportsAuthenticatedExtendedCard").GetBoolean()));
        Assert.Equal(["HTTP+JSON " + url], card.GetProperty("additionalInterfaces").EnumerateArray().Select(i => i.GetProperty("transport").GetString() + " " + i.GetProperty("url").GetString()));
        Assert.Equal(["JSONRPC 1.0", "HTTP+JSON 1.0", "JSONRPC 0.3", "HTTP+JSON 0.3"], card.GetProperty("supportedInterfaces").EnumerateArray().Select(i => i.GetProperty("protocolBinding").GetString() + " " + i.GetProperty("protocolVersion").GetString()));
        Assert.False(card.GetProperty("capabilities").TryGetProperty("extendedAgentCard", out _));

        // The same top-level members as the JS SDK's blended card (its agent's optional ones aside).
        using JsonDocument recorded = JsonDocument.Parse(RecordedWire.Exchange(Path.Combine("selftest", "raw", "044-card-no-header.txt")).Response.Single());
        string[] v03Members = ["url", "preferredTransport", "protocolVersion", "additionalInterfaces", "supportsAuthenticatedExtendedCard", "supportedInterfaces", "capabilities", "skills", "defaultInputModes", "defaultOutputModes", "name", "description", "version"];
        Assert.All(v03Members, m => Assert.True(recorded.RootElement.TryGetProperty(m, out _) && card.TryGetProperty(m, out _), m));

        // Asked for v1.0, the card is v1.0 only.
        Assert.All(["url", "preferredTransport", "additionalInterfaces", "supportsAuthenticatedExtendedCard", "protocolVersion"], m => Assert.False(v1.RootElement.TryGetProperty(m, out _), m));
    }

    private async Task<JsonDocument> CardAsync(string? version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseUrl, "a2a/.well-known/agent-card.json"));
        if (version is not null)
        {
            request.Headers.Add("A2A-Version", version);
        }

        using HttpResponseMessage response = await server.Http.SendAsync(request);
        Assert.Equal("A2A-Version", response.Headers.Vary.Single());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}

/// <summary>With <see cref="A2AServerOptions.V03Compatibility"/> off, v0.3 is refused as the JavaScript SDK refuses it with its legacy layer off.</summary>
public sealed class V03OffTests(V03OffTests.Server server) : IClassFixture<V03OffTests.Server>
{
    [Fact]
    public async Task Requests_without_a_version_are_version_not_supported_and_the_card_is_v1_only()
    {
        JsonElement rpc = await server.PostRpcAsync("""{"jsonrpc":"2.0","id":2,"method":"message/send","params":{"message":{"kind":"message","messageId":"m","role":"user","parts":[{"kind":"text","text":"hi"}]}}}""", version: null);
        Assert.Equal("The requested A2A protocol version '0.3' is not supported. Supported versions: 1.0", rpc.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(-32009, rpc.GetProperty("error").GetProperty("code").GetInt32());

        using var rest = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUrl, "a2a/v1/message:send")) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        using HttpResponseMessage refused = await server.Http.SendAsync(rest);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("VERSION_NOT_SUPPORTED", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using JsonDocument card = JsonDocument.Parse(await server.Http.GetStringAsync(new Uri(server.BaseUrl, "a2a/.well-known/agent-card.json")));
        Assert.False(card.RootElement.TryGetProperty("url", out _));
        Assert.Equal(["1.0", "1.0"], card.RootElement.GetProperty("supportedInterfaces").EnumerateArray().Select(i => i.GetProperty("protocolVersion").GetString()));
    }

    public sealed class Server : ProbeServer
    {
        public Server() => Options.V03Compatibility = false;
    }
}
