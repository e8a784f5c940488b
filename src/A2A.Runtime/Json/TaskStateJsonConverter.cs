using System.Text.Json;
using System.Text.Json.Serialization;
using A2A.Protocol;

namespace A2A.Json;

/// <summary>
/// ProtoJSON spelling of <see cref="TaskState"/>: writes <c>TASK_STATE_*</c>; reads those names or the enum's
/// integer value (ProtoJSON parsers must accept both). Anything else is a <see cref="JsonException"/> that names
/// the accepted values, never a silent <c>UNSPECIFIED</c>.
/// </summary>
public sealed class TaskStateJsonConverter : JsonConverter<TaskState>
{
    /// <inheritdoc />
    public override TaskState Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int number) && Enum.IsDefined((TaskState)number))
        {
            return (TaskState)number;
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.ValueTextEquals("TASK_STATE_SUBMITTED"u8)) return TaskState.Submitted;
            if (reader.ValueTextEquals("TASK_STATE_WORKING"u8)) return TaskState.Working;
            if (reader.ValueTextEquals("TASK_STATE_COMPLETED"u8)) return TaskState.Completed;
            if (reader.ValueTextEquals("TASK_STATE_FAILED"u8)) return TaskState.Failed;
            if (reader.ValueTextEquals("TASK_STATE_CANCELED"u8)) return TaskState.Canceled;
            if (reader.ValueTextEquals("TASK_STATE_INPUT_REQUIRED"u8)) return TaskState.InputRequired;
            if (reader.ValueTextEquals("TASK_STATE_REJECTED"u8)) return TaskState.Rejected;
            if (reader.ValueTextEquals("TASK_STATE_AUTH_REQUIRED"u8)) return TaskState.AuthRequired;
            if (reader.ValueTextEquals("TASK_STATE_UNSPECIFIED"u8)) return TaskState.Unspecified;
        }

        throw new JsonException(
            $"Unknown task state {ProtoJsonText.Describe(ref reader)}; expected one of TASK_STATE_SUBMITTED, TASK_STATE_WORKING, " +
            "TASK_STATE_INPUT_REQUIRED, TASK_STATE_AUTH_REQUIRED, TASK_STATE_COMPLETED, TASK_STATE_FAILED, TASK_STATE_CANCELED, " +
            "TASK_STATE_REJECTED (A2A v1.0 spelling).");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TaskState value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToWireName());
}
