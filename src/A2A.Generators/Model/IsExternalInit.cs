namespace System.Runtime.CompilerServices;

// netstandard2.0 lacks the marker type that `init` accessors and records need; the compiler only needs its name.
internal static class IsExternalInit;
