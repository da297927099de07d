using System.Globalization;
using CsvHelper;

namespace Engagement.Gateway;

/// <summary>
/// The one CSV writer of every export (CsvHelper): UTF-8 starting with a byte order mark, so Excel reads Chinese text
/// right; RFC 4180 (CRLF after each record, a field with a comma, quote or line break in double quotes, a quote inside
/// doubled). Text cells that start like a formula — <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR, the OWASP
/// CSV-injection list — get a leading apostrophe, which spreadsheets read as "this cell is text": <c>=HYPERLINK(…)</c>
/// is written <c>'=HYPERLINK(…)</c>. Every string is text (names, item names, ids, days); numbers written with
/// <see cref="Number(long)"/> are numbers and never get one, so <c>-10</c> stays <c>-10</c>.
/// </summary>
public sealed class CsvExport
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
        WriteByteOrderMark = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private readonly CsvWriter _writer;

    private CsvExport(CsvWriter writer) => _writer = writer;

    /// <summary>The header, then the records that <paramref name="records"/> writes, as the bytes of the file.</summary>
    public static byte[] Write(string[] header, Action<CsvExport> records)
    {
        using var bytes = new MemoryStream();
        using (var writer = CsvWriter.Create(bytes, Options, leaveOpen: true))
        {
            writer.WriteHeader(header);
            records(new CsvExport(writer));
        }

        return bytes.ToArray();
    }

    /// <summary>A text cell: quoted when needed, with an apostrophe before a leading <c>= + - @</c>, tab or CR.</summary>
    public CsvExport Text(string value)
    {
        _writer.WriteField(value);
        return this;
    }

    /// <summary>A whole number, as it is (<c>-10</c>).</summary>
    public CsvExport Number(long value)
    {
        _writer.WriteField(value, "0");
        return this;
    }

    /// <summary>A fraction with at most 4 decimals (<c>0.3333</c>), as it is.</summary>
    public CsvExport Number(double value)
    {
        _writer.WriteField(value, "0.####");
        return this;
    }

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public CsvExport Flag(bool value) => Text(value ? "true" : "false");

    public void EndRecord() => _writer.EndRecord();
}
