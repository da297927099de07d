using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;

namespace Engagement;

/// <summary>
/// Parses and validates a roster CSV (RFC 4180, read with CsvHelper): <c>member_id,display_name,phone,company,join_date</c>
/// (join date yyyy-MM-dd), an optional header record starting with <c>member_id</c>, an optional byte order mark, blank
/// records ignored, fields may be double-quoted and then hold commas, quotes (doubled) and line breaks. A row's
/// <see cref="RowError.Line"/> is its record number: the header and blank lines count, the line breaks inside a
/// quoted field do not (the row number a spreadsheet shows).
/// </summary>
public static partial class RosterCsv
{
    public const int MaxRows = 2000;

    private static readonly string[] Columns = ["member_id", "display_name", "phone", "company", "join_date"];

    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false,
        SkipEmptyLines = false,
        TrimWhitespace = true,
        TrimInsideQuotes = true,
        MalformedData = CsvMalformedDataHandling.Recover,
    };

    public static (IReadOnlyList<RosterRow> Rows, IReadOnlyList<RowError> Errors) Parse(string csv)
    {
        var rows = new List<RosterRow>();
        var errors = new List<RowError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long unclosedQuote = 0;
        using var reader = CsvReader.FromText(csv, Options with
        {
            // A quote that is never closed swallows the rest of the file into one field: that record is reported, not
            // guessed at. Other stray quotes are recovered as spreadsheets do: 5"屏 stays as it is, "ab"c reads as abc.
            OnMalformedRecord = m => unclosedQuote = m.Reason == CsvMalformedReason.UnterminatedQuote ? m.RecordNumber : unclosedQuote,
        });
        while (reader.Read())
        {
            var line = checked((int)reader.RowNumber);
            var fields = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i).Trim()).ToList();
            if (fields.All(f => f.Length == 0) || (line == 1 && fields[0].StartsWith("member_id", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (unclosedQuote == reader.RowNumber)
            {
                errors.Add(new RowError(line, "quotes", "a quoted field is not closed: every line after it was read into it; close the quote, and double a quote inside a field (\"\")"));
                continue;
            }

            if (fields.Count != Columns.Length)
            {
                errors.Add(new RowError(line, "columns", $"expected {Columns.Length} columns ({string.Join(",", Columns)}), found {fields.Count}"));
                continue;
            }

            var before = errors.Count;
            var (id, name, phone, company, joined) = (fields[0], fields[1], fields[2], fields[3], fields[4]);
            Check(errors, line, "member_id", IdPattern().IsMatch(id), "must be 1-64 lower-case letters, digits, '-' or '_'");
            Check(errors, line, "member_id", !IdPattern().IsMatch(id) || seen.Add(id), "appears on an earlier line of this file");
            Check(errors, line, "display_name", name.Length is > 0 and <= 64, "is required, at most 64 characters");
            Check(errors, line, "phone", phone.Length == 0 || PhonePattern().IsMatch(phone), "must be digits, optionally starting with '+', 5-20 digits");
            Check(errors, line, "company", company.Length <= 100, "at most 100 characters");
            var dateOk = DateOnly.TryParseExact(joined, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var joinDate);
            Check(errors, line, "join_date", dateOk, "must be a date yyyy-MM-dd");
            if (errors.Count == before)
            {
                rows.Add(new RosterRow(line, id, name, phone, company, joinDate));
            }
        }

        if (rows.Count + errors.Count == 0)
        {
            errors.Add(new RowError(1, "csv", "contains no rows"));
        }

        return (rows, errors);
    }

    private static void Check(List<RowError> errors, int line, string field, bool ok, string reason)
    {
        if (!ok)
        {
            errors.Add(new RowError(line, field, reason));
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}\\z")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\+?[0-9]{5,20}\z")]
    private static partial Regex PhonePattern();
}
