using System.Text.Json;
using System.Text.Json.Serialization;

namespace A2A.Protocol;

/// <summary>The result of <c>SendMessage</c>: exactly one of <see cref="Task"/> or <see cref="Message"/>.</summary>
public sealed record SendMessageResponse : IJsonOnDeserialized
{
    /// <summary>The task the message started or continued.</summary>
    public AgentTask? Task { get; init; }

    /// <summary>A direct reply, when the agent answered without a task.</summary>
    public Message? Message { get; init; }

    void IJsonOnDeserialized.OnDeserialized()
    {
        if ((Task is null) == (Message is null))
        {
            throw new JsonException("A SendMessage response must carry exactly one of 'task' or 'message'.");
        }
    }
}
