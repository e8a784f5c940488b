namespace A2A.Generators.Model;

/// <summary>
/// Which hosting libraries the compilation references, deciding which registration helpers are emitted. A value
/// record, so an edit that does not change the references leaves the step Unchanged.
/// </summary>
/// <param name="DependencyInjection">Microsoft.Extensions.DependencyInjection.Abstractions: emit <c>Add{Name}()</c>.</param>
/// <param name="AspNetCore">A2A.AspNetCore: emit <c>Map{Name}()</c>.</param>
internal sealed record HostingSupport(bool DependencyInjection, bool AspNetCore);
