using System.Runtime.CompilerServices;

namespace A2A.Lifecycle;

/// <summary>Allocation-free enum-to-int conversion for the dense transition tables (no boxing, no Convert).</summary>
internal static class EnumIndex<T>
    where T : struct, Enum
{
    /// <summary>Exclusive upper bound of the defined values (max + 1); tables are sized by it.</summary>
    public static readonly int Count = ComputeCount();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(T value)
    {
        // Unsafe.SizeOf<T>() is a JIT-time constant, so only one branch survives per enum type.
        if (Unsafe.SizeOf<T>() == 4) return Unsafe.As<T, int>(ref value);
        if (Unsafe.SizeOf<T>() == 1) return Unsafe.As<T, byte>(ref value);
        if (Unsafe.SizeOf<T>() == 2) return Unsafe.As<T, ushort>(ref value);
        return (int)Unsafe.As<T, long>(ref value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T From(int index)
    {
        if (Unsafe.SizeOf<T>() == 4) return Unsafe.As<int, T>(ref index);
        long wide = index;
        if (Unsafe.SizeOf<T>() == 8) return Unsafe.As<long, T>(ref wide);
        if (Unsafe.SizeOf<T>() == 1) { byte b = (byte)index; return Unsafe.As<byte, T>(ref b); }
        ushort s = (ushort)index;
        return Unsafe.As<ushort, T>(ref s);
    }

    private static int ComputeCount()
    {
        int max = -1;
        foreach (T value in Enum.GetValues<T>())
        {
            long raw = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
            if (raw is < 0 or >= 64)
            {
                throw new ArgumentException(
                    $"Enum {typeof(T).Name} has value {raw}; state machine states and triggers must be enums whose values lie in 0..63 so transitions fit a dense table.");
            }

            max = Math.Max(max, (int)raw);
        }

        return max + 1;
    }
}
