using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace A2A.Generators.Emit;

/// <summary>
/// An indenting text writer for generated C#: the emitter stays a pure function of the model. Its buffer is reused
/// per thread (a first run writes megabytes of source; growing a fresh builder for every agent was a good part of
/// the generator's allocations), so call <see cref="ToStringAndFree"/> once when done and drop the writer.
/// </summary>
internal sealed class SourceWriter
{
    private const int MaxCachedCapacity = 256 * 1024;

    [ThreadStatic]
    private static StringBuilder? s_cached;

    private StringBuilder? _text;
    private int _indent;

    public SourceWriter()
    {
        _text = s_cached ?? new StringBuilder(16 * 1024);
        s_cached = null;
        _text.Clear();
    }

    private StringBuilder Text => _text ?? throw new InvalidOperationException("The writer's text was already taken.");

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            Text.Append(' ', _indent * 4);
        }

        Text.Append(line).Append('\n');
        return this;
    }

    /// <summary>Writes an interpolated line straight into the buffer (see <see cref="LineHandler"/>).</summary>
    public SourceWriter Line([InterpolatedStringHandlerArgument("")] ref LineHandler line) => EndLine();

    public SourceWriter Open(string line)
    {
        Line(line);
        return OpenBlock();
    }

    /// <summary>Writes an interpolated line, then opens a block under it.</summary>
    public SourceWriter Open([InterpolatedStringHandlerArgument("")] ref LineHandler line)
    {
        EndLine();
        return OpenBlock();
    }

    private SourceWriter OpenBlock()
    {
        Line("{");
        _indent++;
        return this;
    }

    private SourceWriter EndLine()
    {
        Text.Append('\n');
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>
    /// Appends the parts of <c>w.Line($"...")</c> to the writer's buffer as they come, indented like
    /// <see cref="Line(string)"/>: no intermediate string per line.
    /// </summary>
    [InterpolatedStringHandler]
    public readonly ref struct LineHandler
    {
        private readonly StringBuilder _text;

        public LineHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            _text = writer.Text;
            _text.Append(' ', writer._indent * 4);
        }

        public void AppendLiteral(string value) => _text.Append(value);

        public void AppendFormatted(string? value) => _text.Append(value);
    }

    /// <summary>The text written, once; the buffer goes back to this thread's cache.</summary>
    public string ToStringAndFree()
    {
        StringBuilder text = Text;
        string result = text.ToString();
        _text = null;
        if (text.Capacity <= MaxCachedCapacity)
        {
            s_cached = text;
        }

        return result;
    }
}
