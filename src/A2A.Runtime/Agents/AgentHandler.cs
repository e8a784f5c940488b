using A2A.Protocol;
using A2A.Tasks;

namespace A2A.Agents;

/// <summary>
/// What every agent reduces to for hosting: run for one accepted message on its task, driving the task through the
/// updater. Generated <c>{Name}TaskManager.Bind(handler)</c> adapts a typed handler to it.
/// </summary>
/// <param name="message">The message that started or continued the task.</param>
/// <param name="task">The task as accepted (the message already in its history).</param>
/// <param name="updater">The updater for the task.</param>
/// <param name="cancellationToken">Fires when the task is canceled or the host stops.</param>
public delegate Task AgentHandler(Message message, AgentTask task, TaskUpdater updater, CancellationToken cancellationToken);
