namespace A2A.Tasks;

/// <summary>
/// The run lease a host takes on a task its turn creates (see <see cref="Storage.ITaskRunLeases"/>): stored with the
/// task in the same write, so that the task never exists without an instance answerable for it.
/// </summary>
/// <param name="Owner">The instance that runs the task's handler.</param>
/// <param name="Duration">How long the lease lasts without renewal.</param>
internal readonly record struct RunLease(string Owner, TimeSpan Duration);
