using System.Globalization;
using System.Text.RegularExpressions;

namespace Engagement;

/// <summary>
/// Parses and validates a roster CSV: <c>member_id,display_name,phone,company,join_date</c> (join date yyyy-MM-dd),
/// an optional header line starting with <c>member_id</c>, blank lines ignored, fields may be double-quoted.
/// </summary>
public static partial class RosterCsv
{
    public const int MaxRows = 2000;

    private static readonly string[] Columns = ["member_id", "display_name", "phone", "company", "join_date"];

    public static (IReadOnlyList<RosterRow> Rows, IReadOnlyList<RowError> Errors) Parse(string csv)
    {
        var rows = new List<RosterRow>();
        var errors = new List<RowError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = csv.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = i + 1;
            if (string.IsNullOrWhiteSpace(lines[i]) || (i == 0 && lines[i].TrimStart('\uFEFF').StartsWith("member_id", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var fields = Split(lines[i]);
            if (fields.Count != Columns.Length)
            {
                errors.Add(new RowError(line, "columns", $"expected {Columns.Length} columns ({string.Join(",", Columns)}), found {fields.Count}"));
                continue;
            }

            var before = errors.Count;
            var (id, name, phone, company, joined) = (fields[0].Trim(), fields[1].Trim(), fields[2].Trim(), fields[3].Trim(), fields[4].Trim());
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

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                current.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}\\z")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\+?[0-9]{5,20}\z")]
    private static partial Regex PhonePattern();
}
