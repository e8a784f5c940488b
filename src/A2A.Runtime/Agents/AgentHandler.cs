using A2A.Protocol;
using A2A.Tasks;

namespace A2A.Agents;

/// <summary>
/// What every agent reduces to for hosting: run for one accepted message, answering it through the updater, either
/// by driving the task or with a direct reply (<see cref="TaskUpdater.ReplyAsync(Message, CancellationToken)"/>).
/// Generated <c>{Name}TaskManager.Bind(handler)</c> adapts a typed handler to it.
/// </summary>
/// <param name="message">The message that starts or continues the task.</param>
/// <param name="task">The task as accepted (the message already in its history); for a message that starts a task, not stored until the first update.</param>
/// <param name="updater">The updater for the task, which also answers with a direct reply.</param>
/// <param name="cancellationToken">Fires when the task is canceled or the host stops.</param>
public delegate Task AgentHandler(Message message, AgentTask task, TaskUpdater updater, CancellationToken cancellationToken);
