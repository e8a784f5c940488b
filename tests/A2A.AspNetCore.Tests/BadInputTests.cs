using System.Net;
using System.Text;
using System.Text.Json;
using A2A.Errors;
using A2A.Protocol;

using static A2A.AspNetCore.Tests.TestRequests;

namespace A2A.AspNetCore.Tests;

/// <summary>
/// Over two hundred malformed or hostile requests, each answered over HTTP 200 with the right JSON-RPC error
/// (and the request's id when it could be read); afterwards the server still serves and no stored task changed.
/// </summary>
public class BadInputTests(ProbeServer server) : IClassFixture<ProbeServer>
{
    private const string Message = """{"messageId":"m-1","role":"ROLE_USER","parts":[{"text":"hi"}]}""";

    private sealed record Case(string Name, byte[] Body, int Code, string? Version = "1.0", string? ExpectedId = null, string? ContentType = "application/json");

    [Fact]
    public async Task Every_bad_request_gets_its_json_rpc_error_and_changes_nothing()
    {
        // Tasks the hostile requests aim at: one completed, one waiting for input.
        AgentTask completed = (await server.Client.SendMessageAsync(new SendMessageRequest { Message = UserMessage("hello") })).Task!;
        AgentTask waiting = (await server.Client.SendMessageAsync(new SendMessageRequest { Message = UserMessage("input needed") })).Task!;
        string before = await SnapshotAsync();

        List<Case> cases = Cases(completed, waiting).ToList();
        Assert.True(cases.Count >= 200, $"only {cases.Count} cases");
        var failures = new List<string>();
        foreach (Case bad in cases)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint) { Content = new ByteArrayContent(bad.Body) };
            if (bad.ContentType is not null)
            {
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
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                using JsonDocument answer = JsonDocument.Parse(text);
                JsonElement root = answer.RootElement;
                Assert.Equal("2.0", root.GetProperty("jsonrpc").GetString());
                Assert.False(root.TryGetProperty("result", out _), "a result for a bad request");
                Assert.Equal(bad.Code, root.GetProperty("error").GetProperty("code").GetInt32());
                Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("error").GetProperty("message").GetString()));
                JsonElement id = root.GetProperty("id");
                Assert.Equal(bad.ExpectedId ?? "null", id.GetRawText());
            }
            catch (Exception ex)
            {
                failures.Add($"{bad.Name}: HTTP {(int)response.StatusCode} {text} ({ex.Message.Split('\n')[0]})");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases answered wrongly:\n" + string.Join("\n", failures));

        // Nothing stored changed, and the server still serves.
        Assert.Equal(before, await SnapshotAsync());
        AgentTask fine = (await server.Client.SendMessageAsync(new SendMessageRequest { Message = UserMessage("hello again") })).Task!;
        Assert.Equal(TaskState.Completed, fine.Status.State);
    }

    private async Task<string> SnapshotAsync()
    {
        A2A.Storage.TaskPage page = await server.Manager.Runtime.ListTasksAsync(new A2A.Storage.TaskQuery { PageSize = 100 });
        return string.Join("\n", page.Tasks.OrderBy(t => t.Id, StringComparer.Ordinal).Select(A2A.Json.A2AJson.Serialize));
    }

    private static IEnumerable<Case> Cases(AgentTask completed, AgentTask waiting)
    {
        // 1. Not JSON at all, or broken JSON: parse error, id unknown (null).
        string[] broken =
        [
            "", " ", "{", "}", "[", "]", "{\"jsonrpc\":", "{\"jsonrpc\":\"2.0\"", "nul", "tru", "fals", "{'jsonrpc':'2.0'}",
            "{\"a\":1,}", "[1,2,]", "{}x", "{} {}", "/*c*/{}", "{\"a\":NaN}", "{\"a\":Infinity}", "{a:1}", "{\"a\" 1}",
            "{\"a\":\"unterminated}", "{\"a\":\"bad \\q escape\"}", "{\"a\":\"\\u12\"}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":-}",
            "{\"a\":+1}", "{\"a\":.5}", "{\"a\":1e}", "\"just a string", "{\"a\":[1,2}", "{\"a\":{\"b\":1]}", "<xml/>",
            "jsonrpc=2.0&method=SendMessage", "{\"a\":\"tab\there\"}", "{\"a\":\"new\nline\"}", "\u0000", "{\"a\":tru}",
        ];
        foreach (string text in broken)
        {
            yield return new Case("broken: " + text, Encoding.UTF8.GetBytes(text), A2AErrorCodes.ParseError);
        }

        // 1b. Escaped unpaired UTF-16 surrogates: valid JSON syntax, but no text that could be written back (in an id,
        //     a method, a message): refused before any work, with a null id.
        string[] surrogates =
        [
            "{\"jsonrpc\":\"2.0\",\"id\":\"\\ud800\",\"method\":\"GetTask\",\"params\":{\"id\":\"x\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":\"a\\udc00b\",\"method\":\"GetTask\",\"params\":{\"id\":\"x\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\\ud83d\",\"params\":{}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"GetTask\\udfff\",\"params\":{}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"SendMessage\",\"params\":{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"\\ud800x\"}]}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"SendMessage\",\"params\":{\"message\":{\"messageId\":\"\\ud83d\\u0041\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"x\"}]}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"GetTask\",\"params\":{\"id\":\"x\",\"\\udc00\":1}}",
        ];
        foreach (string text in surrogates)
        {
            yield return new Case("unpaired surrogate: " + text, Encoding.UTF8.GetBytes(text), A2AErrorCodes.ParseError);
        }

        // 1c. Bodies that are not sent as JSON (a cross-site form or a no-cors fetch): refused before anything is read.
        string validGetTask = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"GetTask\",\"params\":{\"id\":\"" + completed.Id + "\"}}";
        string validSend = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"SendMessage\",\"params\":{\"message\":" + Message + "}}";
        foreach (string? contentType in new[] { "text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/json", "application/jsonx", null })
        {
            yield return new Case($"content type {contentType ?? "(none)"}: SendMessage", Encoding.UTF8.GetBytes(validSend), A2AErrorCodes.ContentTypeNotSupported, ContentType: contentType);
            yield return new Case($"content type {contentType ?? "(none)"}: GetTask", Encoding.UTF8.GetBytes(validGetTask), A2AErrorCodes.ContentTypeNotSupported, ContentType: contentType);
        }

        // 2. Invalid UTF-8, inside strings and out.
        byte[][] invalidUtf8 =
        [
            [0xFF], [0xFE, 0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
        ];
        foreach (byte[] bytes in invalidUtf8)
        {
            byte[] inString = [.. "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"SendMessage\",\"params\":{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\""u8.ToArray(), .. bytes, .. "\"}]}}}"u8.ToArray()];
            yield return new Case("invalid UTF-8 in a string " + Convert.ToHexString(bytes), inString, A2AErrorCodes.ParseError);
            yield return new Case("invalid UTF-8 alone " + Convert.ToHexString(bytes), bytes, A2AErrorCodes.ParseError);
        }

        // 3. Deep nesting, at the top and inside params.
        foreach (int depth in new[] { 65, 200, 5000 })
        {
            yield return new Case($"nested arrays {depth}", Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)), A2AErrorCodes.ParseError);
            yield return new Case($"nested params {depth}", Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"GetTask\",\"params\":{\"id\":\"x\",\"deep\":" + new string('[', depth) + new string(']', depth) + "}}"), A2AErrorCodes.ParseError);
        }

        // 4. Oversized bodies (the fixture's limit is 64 KiB): rejected before parsing.
        foreach (int size in new[] { 64 * 1024 + 1, 200 * 1024, 2 * 1024 * 1024 })
        {
            string padding = new('x', size);
            yield return new Case($"oversized {size}", Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"SendMessage\",\"params\":{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"" + padding + "\"}]}}}"), A2AErrorCodes.InvalidRequest);
        }

        // 5. Envelopes that are not a JSON-RPC request.
        string[] notRequests = ["[]", "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"GetTask\"}]", "1", "\"x\"", "null", "true", "{}", "{\"jsonrpc\":\"2.0\"}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"GetTask\",\"params\":{\"id\":\"x\"}}", "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"GetTask\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"GetTask\"}", "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"GetTask\"}", "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"GetTask\"}"];
        foreach (string text in notRequests)
        {
            yield return new Case("not a request: " + text, Encoding.UTF8.GetBytes(text), A2AErrorCodes.InvalidRequest);
        }

        // The remaining envelope and params cases come twice, with a number id and with a string id, which the
        // error must echo.
        foreach ((string id, string expectedId) in new[] { ("7", "7"), ("\"req-7\"", "\"req-7\"") })
        {
            string Rpc(string method, string? parameters = null, string version = "\"2.0\"") =>
                "{\"jsonrpc\":" + version + ",\"id\":" + id + ",\"method\":" + method + (parameters is null ? "" : ",\"params\":" + parameters) + "}";
            Case C(string name, string body, int code, string? header = "1.0") => new(name + " (id " + id + ")", Encoding.UTF8.GetBytes(body), code, header, expectedId);

            foreach (string version in new[] { "\"1.0\"", "2.0", "null", "\"2\"", "\"\"" })
            {
                yield return C("jsonrpc " + version, Rpc("\"GetTask\"", "{\"id\":\"x\"}", version), A2AErrorCodes.InvalidRequest);
            }

            yield return C("no jsonrpc", "{\"id\":" + id + ",\"method\":\"GetTask\",\"params\":{\"id\":\"x\"}}", A2AErrorCodes.InvalidRequest);
            foreach (string method in new[] { "1", "null", "\"\"", "{}", "[\"GetTask\"]" })
            {
                yield return C("method " + method, Rpc(method, "{\"id\":\"x\"}"), A2AErrorCodes.InvalidRequest);
            }

            yield return C("no method", "{\"jsonrpc\":\"2.0\",\"id\":" + id + "}", A2AErrorCodes.InvalidRequest);

            // Versions: absent (or empty) means 0.3, where SendMessage is no method; other versions are refused.
            foreach (string? header in new[] { null, "0.3", "" })
            {
                yield return C("A2A-Version " + (header ?? "(absent)"), Rpc("\"SendMessage\"", "{\"message\":" + Message + "}"), A2AErrorCodes.MethodNotFound, header);
            }

            foreach (string header in new[] { "2.0", "1.1", "1", "abc", "0.2", "0.30" })
            {
                yield return C("A2A-Version " + header, Rpc("\"SendMessage\"", "{\"message\":" + Message + "}"), A2AErrorCodes.VersionNotSupported, header);
            }

            // v0.3 requests: the v0.3 shapes, checked as strictly as v1.0's.
            const string V03Message = """{"kind":"message","messageId":"m-1","role":"user","parts":[{"kind":"text","text":"hi"}]}""";
            string[] badV03SendParams =
            [
                "[]", "{}", "{\"message\":null}", "{\"message\":\"hi\"}",
                """{"message":{"kind":"message","messageId":"m","role":"ROLE_USER","parts":[{"kind":"text","text":"hi"}]}}""",
                """{"message":{"kind":"message","messageId":"m","role":"user","parts":[{"text":"hi"}]}}""",
                """{"message":{"kind":"message","messageId":"m","role":"user","parts":[{"kind":"image","text":"hi"}]}}""",
                """{"message":{"kind":"message","messageId":"m","role":"user","parts":[{"kind":"text","text":1}]}}""",
                """{"message":{"kind":"message","messageId":"m","role":"user","parts":[{"kind":"file","file":{}}]}}""",
                """{"message":{"kind":"message","messageId":"m","role":"user","parts":[{"kind":"file","file":{"bytes":"aGk=","uri":"http://x"}}]}}""",
                """{"message":{"kind":"message","messageId":"m","role":"user","parts":[{"kind":"data","data":[1,2]}]}}""",
                """{"message":{"kind":"message","messageId":"m","role":"user","parts":"hi"}}""",
                """{"message":{"kind":"message","messageId":"m","role":"user"}}""",
                """{"message":{"kind":"task","messageId":"m","role":"user","parts":[{"kind":"text","text":"hi"}]}}""",
                """{"message":{"kind":"message","role":"user","parts":[{"kind":"text","text":"hi"}]}}""",
                """{"message":{"kind":"message","messageId":"m","role":"agent","parts":[{"kind":"text","text":"hi"}]}}""",
                "{\"message\":" + V03Message + ",\"configuration\":{\"blocking\":\"yes\"}}",
                "{\"message\":" + V03Message + ",\"configuration\":{\"historyLength\":-1}}",
            ];
            foreach (string parameters in badV03SendParams)
            {
                yield return C("v0.3 message/send params " + parameters, Rpc("\"message/send\"", parameters), A2AErrorCodes.InvalidParams, null);
                yield return C("v0.3 message/stream params " + parameters, Rpc("\"message/stream\"", parameters), A2AErrorCodes.InvalidParams, "0.3");
            }

            foreach (string method in new[] { "tasks/get", "tasks/cancel", "tasks/resubscribe", "tasks/pushNotificationConfig/list" })
            {
                foreach (string parameters in new[] { "{}", "{\"id\":\"\"}", "{\"id\":5}", "[]" })
                {
                    yield return C("v0.3 " + method + " params " + parameters, Rpc("\"" + method + "\"", parameters), A2AErrorCodes.InvalidParams, null);
                }
            }

            yield return C("v0.3 tasks/get historyLength text", Rpc("\"tasks/get\"", "{\"id\":\"" + completed.Id + "\",\"historyLength\":\"all\"}"), A2AErrorCodes.InvalidParams, null);
            yield return C("v0.3 tasks/get unknown", Rpc("\"tasks/get\"", "{\"id\":\"does-not-exist\"}"), A2AErrorCodes.TaskNotFound, null);
            yield return C("v0.3 tasks/cancel completed", Rpc("\"tasks/cancel\"", "{\"id\":\"" + completed.Id + "\"}"), A2AErrorCodes.TaskNotCancelable, null);
            yield return C("v0.3 tasks/resubscribe completed", Rpc("\"tasks/resubscribe\"", "{\"id\":\"" + completed.Id + "\"}"), A2AErrorCodes.UnsupportedOperation, null);
            yield return C("v0.3 message/send to a completed task", Rpc("\"message/send\"", """{"message":{"kind":"message","messageId":"m","role":"user","parts":[{"kind":"text","text":"hi"}],"taskId":"COMPLETED"}}""".Replace("COMPLETED", completed.Id, StringComparison.Ordinal)), A2AErrorCodes.UnsupportedOperation, null);
            yield return C("v0.3 push set", Rpc("\"tasks/pushNotificationConfig/set\"", "{\"taskId\":\"" + completed.Id + "\",\"pushNotificationConfig\":{\"url\":\"https://hooks.example/\"}}"), A2AErrorCodes.PushNotificationNotSupported, null);
            yield return C("v0.3 extended card", Rpc("\"agent/getAuthenticatedExtendedCard\"", "{}"), A2AErrorCodes.ExtendedAgentCardNotConfigured, null);
            foreach (string method in new[] { "SendMessage", "GetTask", "tasks/list", "message/Send", "tasks/get/" })
            {
                yield return C("v0.3 method " + method, Rpc("\"" + method + "\"", "{}"), A2AErrorCodes.MethodNotFound, null);
            }

            // Unknown methods, including v0.3 names and wrong case.
            foreach (string method in new[] { "message/send", "message/stream", "tasks/get", "tasks/cancel", "sendMessage", "SENDMESSAGE", "GetTasks", "rpc.discover", "SendMessage ", "../GetTask" })
            {
                yield return C("method " + method, Rpc("\"" + method + "\"", "{}"), A2AErrorCodes.MethodNotFound);
            }

            // SendMessage params.
            string[] badSendParams =
            [
                "[]", "1", "\"x\"", "true", "{}", "{\"message\":null}", "{\"message\":1}", "{\"message\":[]}", "{\"message\":\"hi\"}",
                "{\"message\":{\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"hi\"}]}}",
                "{\"message\":{\"messageId\":\"m\",\"parts\":[{\"text\":\"hi\"}]}}",
                "{\"message\":{\"messageId\":\"m\",\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}}",
                "{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_NOBODY\",\"parts\":[{\"text\":\"hi\"}]}}",
                "{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_AGENT\",\"parts\":[{\"text\":\"hi\"}]}}",
                "{\"message\":{\"messageId\":\"m\",\"role\":true,\"parts\":[{\"text\":\"hi\"}]}}",
                "{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\"}}",
                "{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[]}}",
                "{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":{}}}",
                "{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[{}]}}",
                "{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"a\",\"url\":\"http://x\"}]}}",
                "{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":1}]}}",
                "{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[{\"raw\":\"not base64!\"}]}}",
                "{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[\"hi\"]}}",
                "{\"message\":{\"messageId\":7,\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"hi\"}]}}",
                "{\"message\":{\"messageId\":\"\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"hi\"}]}}",
                "{\"message\":" + Message + ",\"configuration\":{\"historyLength\":-1}}",
                "{\"message\":" + Message + ",\"configuration\":{\"historyLength\":\"all\"}}",
                "{\"message\":" + Message + ",\"configuration\":{\"returnImmediately\":\"yes\"}}",
                "{\"message\":" + Message + ",\"configuration\":[]}",
                "{\"message\":" + Message + ",\"metadata\":[]}",
                "{\"message\":" + Message + ",\"metadata\":\"x\"}",
                "{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"hi\"}],\"metadata\":5}}",
                "{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"hi\"}],\"extensions\":\"x\"}}",
                "{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"hi\"}],\"taskId\":42}}",
                "{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"more\"}],\"taskId\":\"" + waiting.Id + "\",\"contextId\":\"not-its-context\"}}",
            ];
            foreach (string parameters in badSendParams)
            {
                yield return C("SendMessage params " + parameters, Rpc("\"SendMessage\"", parameters), A2AErrorCodes.InvalidParams);
                yield return C("SendStreamingMessage params " + parameters, Rpc("\"SendStreamingMessage\"", parameters), A2AErrorCodes.InvalidParams);
            }

            yield return C("SendMessage without params", Rpc("\"SendMessage\""), A2AErrorCodes.InvalidParams);
            yield return C("SendMessage with a push config", Rpc("\"SendMessage\"", "{\"message\":" + Message + ",\"configuration\":{\"taskPushNotificationConfig\":{\"url\":\"http://127.0.0.1/hook\"}}}"), A2AErrorCodes.PushNotificationNotSupported);

            // Messages aimed at tasks that cannot take them.
            string toUnknown = "{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"hi\"}],\"taskId\":\"no-such-task\"}}";
            string toCompleted = "{\"message\":{\"messageId\":\"m\",\"role\":\"ROLE_USER\",\"parts\":[{\"text\":\"hi\"}],\"taskId\":\"" + completed.Id + "\"}}";
            foreach (string method in new[] { "\"SendMessage\"", "\"SendStreamingMessage\"" })
            {
                yield return C(method + " to an unknown task", Rpc(method, toUnknown), A2AErrorCodes.TaskNotFound);
                yield return C(method + " to a completed task", Rpc(method, toCompleted), A2AErrorCodes.UnsupportedOperation);
            }

            // Task-id methods.
            foreach (string method in new[] { "GetTask", "CancelTask", "SubscribeToTask" })
            {
                foreach (string parameters in new[] { "{}", "{\"id\":\"\"}", "{\"id\":5}", "{\"id\":null}", "{\"id\":[\"x\"]}", "[]", "\"x\"" })
                {
                    yield return C(method + " params " + parameters, Rpc("\"" + method + "\"", parameters), A2AErrorCodes.InvalidParams);
                }

                yield return C(method + " without params", Rpc("\"" + method + "\""), A2AErrorCodes.InvalidParams);
                yield return C(method + " unknown", Rpc("\"" + method + "\"", "{\"id\":\"does-not-exist\"}"), A2AErrorCodes.TaskNotFound);
            }

            yield return C("GetTask historyLength -1", Rpc("\"GetTask\"", "{\"id\":\"" + completed.Id + "\",\"historyLength\":-1}"), A2AErrorCodes.InvalidParams);
            yield return C("GetTask historyLength text", Rpc("\"GetTask\"", "{\"id\":\"" + completed.Id + "\",\"historyLength\":\"all\"}"), A2AErrorCodes.InvalidParams);
            yield return C("CancelTask completed", Rpc("\"CancelTask\"", "{\"id\":\"" + completed.Id + "\"}"), A2AErrorCodes.TaskNotCancelable);
            yield return C("SubscribeToTask completed", Rpc("\"SubscribeToTask\"", "{\"id\":\"" + completed.Id + "\"}"), A2AErrorCodes.UnsupportedOperation);

            // ListTasks.
            foreach (string parameters in new[] { "{\"pageSize\":0}", "{\"pageSize\":101}", "{\"pageSize\":-5}", "{\"pageSize\":\"ten\"}", "{\"pageSize\":1.5}",
                "{\"status\":\"TASK_STATE_NOPE\"}", "{\"status\":\"working\"}", "{\"pageToken\":\"garbage\"}", "{\"pageToken\":\"-1\"}",
                "{\"historyLength\":-2}", "{\"statusTimestampAfter\":\"yesterday\"}", "{\"includeArtifacts\":\"yes\"}", "[]", "7" })
            {
                yield return C("ListTasks params " + parameters, Rpc("\"ListTasks\"", parameters), A2AErrorCodes.InvalidParams);
            }

            // Not supported here.
            foreach (string method in new[] { "CreateTaskPushNotificationConfig", "GetTaskPushNotificationConfig", "ListTaskPushNotificationConfigs", "DeleteTaskPushNotificationConfig" })
            {
                yield return C(method, Rpc("\"" + method + "\"", "{\"taskId\":\"" + completed.Id + "\",\"id\":\"c\"}"), A2AErrorCodes.PushNotificationNotSupported);
            }

            yield return C("GetExtendedAgentCard", Rpc("\"GetExtendedAgentCard\"", "{}"), A2AErrorCodes.UnsupportedOperation);
        }
    }
}
