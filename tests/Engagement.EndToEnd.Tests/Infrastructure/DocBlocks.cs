using System.Text.RegularExpressions;

namespace Engagement.EndToEnd;

/// <summary>One fenced shell block of a Markdown page, and what the page says about running it.</summary>
/// <param name="File">The page, relative to the repository (README.md, docs/points.md).</param>
/// <param name="Line">1-based line of the opening fence.</param>
/// <param name="Text">The commands, as a reader would paste them.</param>
/// <param name="NotRun">The reason given by a preceding <c>&lt;!-- not-run: reason --&gt;</c>, or null.</param>
/// <param name="RunIfPresent">A program named by a preceding <c>&lt;!-- run-if-present: program --&gt;</c>, or null.</param>
public sealed record DocBlock(string File, int Line, string Text, string? NotRun, string? RunIfPresent)
{
    public string Where => $"{File}:{Line}";
}

/// <summary>
/// Finds the fenced <c>sh</c>/<c>bash</c>/<c>shell</c> blocks of a page. A block that cannot run in a test says so on the
/// line before its fence: <c>&lt;!-- not-run: reason --&gt;</c>, or <c>&lt;!-- run-if-present: grpcurl --&gt;</c> for
/// commands of a tool that may not be installed.
/// </summary>
public static partial class DocBlocks
{
    private static readonly string[] ShellLanguages = ["sh", "bash", "shell"];

    /// <summary>README.md, then docs/*.md in name order.</summary>
    public static IReadOnlyList<string> Pages(string root) =>
    [
        "README.md",
        .. Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f)).Order(StringComparer.Ordinal),
    ];

    public static IReadOnlyList<DocBlock> Parse(string file, string markdown)
    {
        var lines = markdown.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var blocks = new List<DocBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (!fence.Success)
            {
                MarkerIsFollowedByAShellBlock(file, lines, i);
                continue;
            }

            var end = Array.FindIndex(lines, i + 1, l => l.TrimStart().StartsWith(fence.Groups["fence"].Value, StringComparison.Ordinal));
            if (end < 0)
            {
                throw new FormatException($"{file}:{i + 1}: the fence is never closed.");
            }

            var language = fence.Groups["info"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            if (ShellLanguages.Contains(language))
            {
                var (notRun, runIf) = MarkerBefore(file, lines, i);
                blocks.Add(new DocBlock(file, i + 1, string.Join('\n', lines[(i + 1)..end]), notRun, runIf));
            }

            i = end;
        }

        return blocks;
    }

    private static (string? NotRun, string? RunIfPresent) MarkerBefore(string file, string[] lines, int fence)
    {
        var previous = fence - 1;
        while (previous >= 0 && string.IsNullOrWhiteSpace(lines[previous]))
        {
            previous--;
        }

        if (previous < 0 || Marker().Match(lines[previous]) is not { Success: true } marker)
        {
            return (null, null);
        }

        var value = marker.Groups["value"].Value.Trim();
        if (value.Length == 0)
        {
            throw new FormatException($"{file}:{previous + 1}: a <!-- {marker.Groups["kind"].Value}: ... --> marker needs a reason or a program.");
        }

        return marker.Groups["kind"].Value == "not-run" ? (value, null) : (null, value);
    }

    /// <summary>A marker that does not stand right before a shell block would exclude nothing: an error in the page.</summary>
    private static void MarkerIsFollowedByAShellBlock(string file, string[] lines, int index)
    {
        if (!Marker().IsMatch(lines[index]))
        {
            return;
        }

        var next = index + 1;
        while (next < lines.Length && string.IsNullOrWhiteSpace(lines[next]))
        {
            next++;
        }

        var fence = next < lines.Length ? Fence().Match(lines[next]) : Match.Empty;
        var language = fence.Success ? fence.Groups["info"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() : null;
        if (language is null || !ShellLanguages.Contains(language))
        {
            throw new FormatException($"{file}:{index + 1}: the marker is not followed by a sh/bash/shell block.");
        }
    }

    [GeneratedRegex(@"^\s*(?<fence>```+)(?<info>.*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*<!--\s*(?<kind>not-run|run-if-present)\s*:?(?<value>.*?)-->\s*$")]
    private static partial Regex Marker();
}
