using System;
using System.Collections.Generic;
using System.Linq;

namespace A2A.Generators.Model;

/// <summary>
/// Which agents' generated names collide. Shared by the generator (which skips them) and A2A0005 (which reports
/// them), so both always agree.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>
    /// The hint names that occur more than once, compared ignoring case as Roslyn compares hint names (equal hint
    /// names also mean equal generated type names, since both come from the namespace and the base name).
    /// </summary>
    public static IEnumerable<string> Clashing(IEnumerable<string> hintNames) =>
        hintNames
            .GroupBy(name => name, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .SelectMany(group => group)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(name => name, StringComparer.Ordinal);

    /// <summary>
    /// Of agents that share a hint name, the ones not generated: all but the first in ordinal order of their
    /// namespace, containing types and name (so the choice never depends on file order). Generating one keeps the
    /// users' code that names the shared types binding, so the build reaches A2A0005 instead of "type not found".
    /// </summary>
    public static IEnumerable<T> NotGenerated<T>(IEnumerable<T> agents, Func<T, string> hintName, Func<T, string> identity) =>
        agents
            .GroupBy(hintName, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .SelectMany(group => group.OrderBy(identity, StringComparer.Ordinal).Skip(1));
}
