using A2A.Errors;
using A2A.JsonRpc;
using Microsoft.AspNetCore.Http;

namespace A2A.AspNetCore.Rest;

/// <summary>An HTTP+JSON request's operation, read from its HTTP method and path (spec 5.3 and 11.3).</summary>
/// <param name="Method">The A2A method (the JSON-RPC name of the same operation).</param>
/// <param name="TaskId">The task id from the path, or null.</param>
/// <param name="ConfigId">The push notification configuration id from the path, or null.</param>
/// <param name="Tenant">The tenant the path starts with (<c>/{tenant}/tasks/...</c>), or null.</param>
internal sealed record RestRoute(string Method, string? TaskId = null, string? ConfigId = null, string? Tenant = null)
{
    /// <summary>The operation for <paramref name="httpMethod"/> on <paramref name="path"/> (below the agent's route, as ASP.NET Core decoded it).</summary>
    /// <exception cref="MethodNotFoundException">No operation has that method and path (answered 404).</exception>
    public static RestRoute Parse(string httpMethod, string path) =>
        TryParse(httpMethod, path, tenants: true) ?? throw new MethodNotFoundException(
            $"No A2A operation is {httpMethod} /{path.TrimStart('/')}. The HTTP+JSON operations are POST message:send, POST message:stream, GET tasks, GET tasks/{{id}}, POST tasks/{{id}}:cancel, POST tasks/{{id}}:subscribe, the tasks/{{id}}/pushNotificationConfigs resources and GET extendedAgentCard, each optionally below a tenant (/{{tenant}}/tasks/...).");

    /// <summary>The operation, or null when there is none; with <paramref name="tenants"/>, a route may start with a tenant segment.</summary>
    public static RestRoute? TryParse(string httpMethod, string path, bool tenants)
    {
        // ASP.NET Core has decoded the path except for escaped slashes, so an id may carry one as %2F.
        string[] raw = path.Trim('/').Split('/');

        // A path that is a route without a tenant is read that way first.
        RestRoute? route = Match(httpMethod, raw);
        if (route is null && tenants && raw.Length > 1 && Match(httpMethod, raw[1..]) is { } scoped)
        {
            route = scoped with { Tenant = Id(raw[0]) };
        }

        return route;
    }

    private static RestRoute? Match(string httpMethod, string[] raw)
    {
        bool get = HttpMethods.IsGet(httpMethod);
        bool post = HttpMethods.IsPost(httpMethod);
        bool delete = HttpMethods.IsDelete(httpMethod);
        switch (raw)
        {
            case ["message:send"] when post:
                return new(A2AMethods.SendMessage);
            case ["message:stream"] when post:
                return new(A2AMethods.SendStreamingMessage);
            case ["tasks"] when get:
                return new(A2AMethods.ListTasks);
            case ["extendedAgentCard"] when get:
                return new(A2AMethods.GetExtendedAgentCard);
            case ["tasks", string task]:
                if (task.EndsWith(":cancel", StringComparison.Ordinal) && post)
                {
                    return new(A2AMethods.CancelTask, Id(task[..^":cancel".Length]));
                }

                if (task.EndsWith(":subscribe", StringComparison.Ordinal) && (post || get))
                {
                    return new(A2AMethods.SubscribeToTask, Id(task[..^":subscribe".Length]));
                }

                if (get)
                {
                    return new(A2AMethods.GetTask, Id(task));
                }

                break;
            case ["tasks", string task, "pushNotificationConfigs"] when post:
                return new(A2AMethods.CreateTaskPushNotificationConfig, Id(task));
            case ["tasks", string task, "pushNotificationConfigs"] when get:
                return new(A2AMethods.ListTaskPushNotificationConfigs, Id(task));
            case ["tasks", string task, "pushNotificationConfigs", string config] when get:
                return new(A2AMethods.GetTaskPushNotificationConfig, Id(task), Id(config));
            case ["tasks", string task, "pushNotificationConfigs", string config] when delete:
                return new(A2AMethods.DeleteTaskPushNotificationConfig, Id(task), Id(config));
        }

        return null;
    }

    private static string Id(string segment)
    {
        string id = segment.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        return id.Length == 0 ? throw new InvalidParamsException("The id in the path is empty.") : id;
    }
}
