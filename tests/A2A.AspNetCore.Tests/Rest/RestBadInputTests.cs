using A2A.Errors;
using System.Net;
using System.Text;
using System.Text.Json;
using A2A.Protocol;

using static A2A.AspNetCore.Tests.TestRequests;

namespace A2A.AspNetCore.Tests.Rest;

/// <summary>
/// Malformed and hostile requests to the HTTP+JSON binding (bodies, routes, ids, query parameters, versions), each
/// answered with the spec's HTTP status and an ErrorInfo reason; afterwards the server still serves and no stored
/// task changed.
/// </summary>
public class RestBadInputTests(ProbeServer server) : IClassFixture<ProbeServer>
{
    private const string Message = """{"messageId":"m-1","role":"ROLE_USER","parts":[{"text":"hi"}]}""";

    // Reason is the v1.0 ErrorInfo reason; a v0.3 case (V03Code set) expects the v0.3 body, {"code","message"}, instead.
    private sealed record Case(string Name, string Method, string Path, byte[]? Body, HttpStatusCode Status, string Reason, string? Version = "1.0", string ContentType = "application/json", int? V03Code = null);

    [Fact]
    public async Task Every_bad_request_gets_its_status_and_reason_and_changes_nothing()
    {
        AgentTask completed = (await server.Client.SendMessageAsync(new SendMessageRequest { Message = UserMessage("hello") })).Task!;
        AgentTask waiting = (await server.Client.SendMessageAsync(new SendMessageRequest { Message = UserMessage("input needed") })).Task!;
        string before = await SnapshotAsync();

        List<Case> cases = Cases(completed, waiting).ToList();
        Assert.True(cases.Count >= 150, $"only {cases.Count} cases");
        var failures = new List<string>();
        foreach (Case bad in cases)
        {
            using var request = new HttpRequestMessage(new HttpMethod(bad.Method), new Uri(server.BaseUrl, "a2a/" + bad.Path));
            if (bad.Body is not null)
            {
                request.Content = new ByteArrayContent(bad.Body);
                request.Content.Headers.TryAddWithoutValidation("Content-Type", bad.ContentType);
            }

            if (bad.Version is not null)
            {
                request.Headers.Add("A2A-Version", bad.Version);
            }

            using HttpResponseMessage response = await server.Http.SendAsync(request);
            string text = await response.Content.ReadAsStringAsync();
            try
            {
                Assert.Equal(bad.Status, response.StatusCode);
                if (bad.V03Code is { } code)
                {
                    Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                    JsonElement legacy = JsonDocument.Parse(text).RootElement;
                    Assert.Equal(code, legacy.GetProperty("code").GetInt32());
                    Assert.False(string.IsNullOrWhiteSpace(legacy.GetProperty("message").GetString()));
                    continue;
                }

                Assert.Equal("application/a2a+json", response.Content.Headers.ContentType?.MediaType);
                JsonElement error = JsonDocument.Parse(text).RootElement.GetProperty("error");
                Assert.Equal((int)bad.Status, error.GetProperty("code").GetInt32());
                Assert.Equal(bad.Reason, error.GetProperty("details")[0].GetProperty("reason").GetString());
                Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
            }
            catch (Exception ex)
            {
                failures.Add($"{bad.Name}: HTTP {(int)response.StatusCode} {text} ({ex.Message.Split('\n')[0]})");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases answered wrongly:\n" + string.Join("\n", failures));
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(TaskState.Completed, (await server.Client.SendMessageAsync(new SendMessageRequest { Message = UserMessage("hello again") })).Task!.Status.State);
    }

    private async Task<string> SnapshotAsync()
    {
        A2A.Storage.TaskPage page = await server.Manager.Runtime.ListTasksAsync(new A2A.Storage.TaskQuery { PageSize = 100 });
        return string.Join("\n", page.Tasks.OrderBy(t => t.Id, StringComparer.Ordinal).Select(A2A.Json.A2AJson.Serialize));
    }

    private static Case V03(string name, string method, string path, byte[]? body, HttpStatusCode status, int code, string? version) =>
        new(name, method, path, body, status, "", version, V03Code: code);

    private static IEnumerable<Case> Cases(AgentTask completed, AgentTask waiting)
    {
        const HttpStatusCode Bad = HttpStatusCode.BadRequest;
        Case Send(string name, byte[] body, HttpStatusCode status, string reason, string contentType = "application/json") =>
            new(name, "POST", "message:send", body, status, reason, ContentType: contentType);

        // Bodies that are not JSON, not UTF-8, too deep or too large: refused before anything is read or created.
        string[] broken = ["", " ", "{", "[", "nul", "{'a':1}", "{\"a\":1,}", "{} {}", "/*c*/{}", "{\"a\":NaN}", "{a:1}", "\"just a string", "<xml/>", "{\"a\":\"bad \\q\"}", "{\"a\":01}"];
        foreach (string text in broken)
        {
            bool empty = string.IsNullOrWhiteSpace(text) && text.Length == 0;
            yield return Send("broken: " + text, Encoding.UTF8.GetBytes(text), Bad, empty ? "INVALID_PARAMS" : "PARSE_ERROR");
        }

        foreach (byte[] bytes in new byte[][] { [0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80] })
        {
            yield return Send("invalid UTF-8 " + Convert.ToHexString(bytes), [.. "{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\""u8.ToArray(), .. bytes, .. "\"}]}}"u8.ToArray()], Bad, "PARSE_ERROR");
        }

        yield return Send("unpaired surrogate", Encoding.UTF8.GetBytes("{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"\\ud800\"}]}}"), Bad, "PARSE_ERROR");
        foreach (int depth in new[] { 65, 5000 })
        {
            yield return Send($"nested {depth}", Encoding.UTF8.GetBytes("{\"message\":" + new string('[', depth) + new string(']', depth) + "}"), Bad, "PARSE_ERROR");
        }

        foreach (int size in new[] { 64 * 1024 + 1, 2 * 1024 * 1024 })
        {
            yield return Send($"oversized {size}", Encoding.UTF8.GetBytes("{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"" + new string('x', size) + "\"}]}}"), Bad, "INVALID_REQUEST");
        }

        foreach (string contentType in new[] { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/json", "application/jsonx" })
        {
            yield return Send("content type " + contentType, Encoding.UTF8.GetBytes("{\"message\":" + Message + "}"), Bad, "CONTENT_TYPE_NOT_SUPPORTED", contentType);
        }

        // Bodies of the wrong shape, for send and stream alike.
        string[] badSend =
        [
            "[]", "1", "\"x\"", "true", "null", "{}", "{\"message\":null}", "{\"message\":1}", "{\"message\":\"hi\"}",
            "{\"message\":{\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"hi\"}]}}",
            "{\"message\":{\"messageId\":\"m\",\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}}",
            "{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_AGENT\",\"parts\":[{\"text\":\"hi\"}]}}",
            "{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[]}}",
            "{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[{}]}}",
            "{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":1}]}}",
            "{\"message\":" + Message + ",\"configuration\":{\"historyLength\":-1}}",
            "{\"message\":" + Message + ",\"configuration\":{\"returnImmediately\":\"yes\"}}",
            "{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"more\"}],\"taskId\":\"" + waiting.Id + "\",\"contextId\":\"not-its-context\"}}",
        ];
        foreach (string body in badSend)
        {
            yield return Send("send " + body, Encoding.UTF8.GetBytes(body), Bad, "INVALID_PARAMS");
            yield return new("stream " + body, "POST", "message:stream", Encoding.UTF8.GetBytes(body), Bad, "INVALID_PARAMS");
        }

        yield return Send("send with a push config", Encoding.UTF8.GetBytes("{\"message\":" + Message + ",\"configuration\":{\"taskPushNotificationConfig\":{\"url\":\"http://127.0.0.1/hook\"}}}"), Bad, "PUSH_NOTIFICATION_NOT_SUPPORTED");

        // Messages to tasks that cannot take them.
        string ToTask(string id) => "{\"message\":{\"messageId\":\"m2\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"more\"}],\"taskId\":\"" + id + "\"}}";
        yield return Send("send to an unknown task", Encoding.UTF8.GetBytes(ToTask("no-such-task")), HttpStatusCode.NotFound, "TASK_NOT_FOUND");
        yield return Send("send to a completed task", Encoding.UTF8.GetBytes(ToTask(completed.Id)), Bad, "UNSUPPORTED_OPERATION");
        yield return new("stream to a completed task", "POST", "message:stream", Encoding.UTF8.GetBytes(ToTask(completed.Id)), Bad, "UNSUPPORTED_OPERATION");

        // Routes that are no operation, and verbs a route does not take.
        foreach ((string method, string path) in new[]
        {
            ("GET", "message:send"), ("DELETE", "message:send"), ("POST", "message:sent"), ("POST", "message"), ("GET", "messages"),
            ("POST", "tasks"), ("DELETE", "tasks/" + completed.Id), ("POST", "tasks/" + completed.Id),
            ("DELETE", "tasks/" + completed.Id + "/pushNotificationConfigs"), ("POST", "tasks/" + completed.Id + "/pushNotificationConfigs/x"),
            ("GET", "tasks/" + completed.Id + "/history"), ("GET", "tasks/" + completed.Id + "/pushNotificationConfigs/x/y"), ("GET", "tenant-a/tasks/x/y"),
            ("POST", "tenant-a/tasks"), ("GET", "a/b/tasks"), ("GET", "extendedAgentCard/x"), ("POST", "extendedAgentCard"), ("GET", "tasks/a/b"),
        })
        {
            yield return new($"route {method} {path}", method, path, method == "POST" ? "{}"u8.ToArray() : null, HttpStatusCode.NotFound, "METHOD_NOT_FOUND");
        }

        // Ids no task has: odd characters, escapes, sizes. (Kestrel itself refuses a NUL in a path, with a bare 400.)
        foreach (string id in new[] { "no-such-task", "a%2Fb", "%252F", "a:b", "%3Acancel", "%0D%0AX-Injected:%201", "%E2%9C%93", new string('x', 4000), "tasks" })
        {
            yield return new("get " + id[..Math.Min(id.Length, 40)], "GET", "tasks/" + id, null, HttpStatusCode.NotFound, "TASK_NOT_FOUND");
            yield return new("cancel " + id[..Math.Min(id.Length, 40)], "POST", "tasks/" + id + ":cancel", null, HttpStatusCode.NotFound, "TASK_NOT_FOUND");
            yield return new("subscribe " + id[..Math.Min(id.Length, 40)], "POST", "tasks/" + id + ":subscribe", null, HttpStatusCode.NotFound, "TASK_NOT_FOUND");
        }

        yield return new("get a task named like a cancel", "GET", $"tasks/{completed.Id}:cancel", null, HttpStatusCode.NotFound, "TASK_NOT_FOUND");
        yield return new("cancel with an empty id", "POST", "tasks/:cancel", null, Bad, "INVALID_PARAMS");
        yield return new("cancel a completed task", "POST", $"tasks/{completed.Id}:cancel", null, Bad, "TASK_NOT_CANCELABLE");
        yield return new("subscribe to a completed task", "POST", $"tasks/{completed.Id}:subscribe", null, Bad, "UNSUPPORTED_OPERATION");
        yield return new("cancel with a broken body", "POST", $"tasks/{waiting.Id}:cancel", "{"u8.ToArray(), Bad, "PARSE_ERROR");
        yield return new("cancel with an array body", "POST", $"tasks/{waiting.Id}:cancel", "[]"u8.ToArray(), Bad, "INVALID_PARAMS");

        // Query parameters that do not parse.
        foreach (string query in new[]
        {
            "historyLength=abc", "historyLength=1.5", "historyLength=-1", "historyLength=99999999999", "historyLength=%20", "historyLength=1e3",
        })
        {
            yield return new("get ?" + query, "GET", $"tasks/{completed.Id}?{query}", null, Bad, "INVALID_PARAMS");
        }

        foreach (string query in new[]
        {
            "pageSize=0", "pageSize=101", "pageSize=-5", "pageSize=ten", "pageToken=garbage", "pageToken=%00", "status=WORKING", "status=TASK_STATE_NOPE", "status=3",
            "includeArtifacts=1", "includeArtifacts=TRUE", "includeArtifacts=yes", "statusTimestampAfter=yesterday", "statusTimestampAfter=2025-13-45T00:00:00Z",
            "historyLength=-2", "historyLength=x",
        })
        {
            yield return new("list ?" + query, "GET", "tasks?" + query, null, Bad, "INVALID_PARAMS");
        }

        // Versions: absent (or empty) means 0.3, whose routes live under v1/; other versions are refused.
        foreach (string? version in new[] { null, "0.3", "" })
        {
            yield return V03("A2A-Version " + (version ?? "(absent)"), "GET", "tasks/" + completed.Id, null, HttpStatusCode.NotFound, A2AErrorCodes.MethodNotFound, version);
            yield return V03("A2A-Version " + (version ?? "(absent)") + " send", "POST", "message:send", Encoding.UTF8.GetBytes("{\"message\":" + Message + "}"), HttpStatusCode.NotFound, A2AErrorCodes.MethodNotFound, version);
        }

        foreach (string version in new[] { "2.0", "1", "abc", "0.2" })
        {
            yield return new("A2A-Version " + version, "GET", "tasks/" + completed.Id, null, Bad, "VERSION_NOT_SUPPORTED", version);
            yield return new("A2A-Version " + version + " send", "POST", "message:send", Encoding.UTF8.GetBytes("{\"message\":" + Message + "}"), Bad, "VERSION_NOT_SUPPORTED", version);
        }

        // v0.3 routes and bodies (the v0.3 proto's JSON).
        const string V03Message = """{"messageId":"m-1","role":"ROLE_USER","content":[{"text":"hi"}]}""";
        foreach (string body in new[]
        {
            "{}", "[]", "{\"message\":null}", """{"message":{"messageId":"m","role":"user","content":[{"text":"hi"}]}}""",
            """{"message":{"messageId":"m","role":"ROLE_USER","parts":[{"text":"hi"}]}}""", """{"message":{"messageId":"m","role":"ROLE_USER","content":[{}]}}""",
            """{"message":{"messageId":"m","role":"ROLE_USER","content":[{"file":{"mimeType":"text/plain"}}]}}""",
            """{"message":{"messageId":"m","role":"ROLE_USER","content":[{"data":{"data":5}}]}}""", """{"message":{"messageId":"m","role":"ROLE_AGENT","content":[{"text":"hi"}]}}""",
            "{\"message\":" + V03Message + ",\"configuration\":{\"blocking\":1}}",
        })
        {
            yield return V03("v0.3 send " + body, "POST", "v1/message:send", Encoding.UTF8.GetBytes(body), Bad, A2AErrorCodes.InvalidParams, null);
            yield return V03("v0.3 stream " + body, "POST", "v1/message:stream", Encoding.UTF8.GetBytes(body), Bad, A2AErrorCodes.InvalidParams, "0.3");
        }

        yield return V03("v0.3 get unknown", "GET", "v1/tasks/no-such-task", null, HttpStatusCode.NotFound, A2AErrorCodes.TaskNotFound, null);
        yield return V03("v0.3 get historyLength", "GET", $"v1/tasks/{completed.Id}?historyLength=x", null, Bad, A2AErrorCodes.InvalidParams, null);
        yield return V03("v0.3 cancel completed", "POST", $"v1/tasks/{completed.Id}:cancel", null, Bad, A2AErrorCodes.TaskNotCancelable, null);
        yield return V03("v0.3 subscribe completed", "GET", $"v1/tasks/{completed.Id}:subscribe", null, Bad, A2AErrorCodes.UnsupportedOperation, null);
        yield return V03("v0.3 send to completed", "POST", "v1/message:send", Encoding.UTF8.GetBytes("""{"message":{"messageId":"m","role":"ROLE_USER","taskId":"ID","content":[{"text":"hi"}]}}""".Replace("ID", completed.Id, StringComparison.Ordinal)), Bad, A2AErrorCodes.UnsupportedOperation, null);
        yield return V03("v0.3 push config", "POST", $"v1/tasks/{completed.Id}/pushNotificationConfigs", """{"pushNotificationConfig":{"url":"https://hooks.example/"}}"""u8.ToArray(), Bad, A2AErrorCodes.PushNotificationNotSupported, null);
        yield return V03("v0.3 card", "GET", "v1/card", null, Bad, A2AErrorCodes.ExtendedAgentCardNotConfigured, null);
        foreach ((string method, string path) in new[] { ("GET", "v1/tasks"), ("GET", "v2/tasks/x"), ("POST", "v1/message:sent"), ("GET", "t/v1/tasks/x"), ("DELETE", "v1/tasks/x"), ("GET", "v1/extendedAgentCard") })
        {
            yield return V03($"v0.3 route {method} {path}", method, path, method == "POST" ? "{}"u8.ToArray() : null, HttpStatusCode.NotFound, A2AErrorCodes.MethodNotFound, null);
        }

        // Push methods on an agent without push notifications.
        yield return new("create push config", "POST", $"tasks/{completed.Id}/pushNotificationConfigs", "{\"url\":\"https://hooks.example/a\"}"u8.ToArray(), Bad, "PUSH_NOTIFICATION_NOT_SUPPORTED");
        yield return new("list push configs", "GET", $"tasks/{completed.Id}/pushNotificationConfigs", null, Bad, "PUSH_NOTIFICATION_NOT_SUPPORTED");
        yield return new("delete push config", "DELETE", $"tasks/{completed.Id}/pushNotificationConfigs/x", null, Bad, "PUSH_NOTIFICATION_NOT_SUPPORTED");
        yield return new("extended card", "GET", "extendedAgentCard", null, Bad, "UNSUPPORTED_OPERATION");
    }
}
