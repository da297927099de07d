using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Engagement.EndToEnd;

/// <summary>
/// Every shell command in README.md and docs/*.md works when pasted: the blocks of each page run in order with bash
/// against a real node (its own process, a fresh data directory, development tokens minted by the node's own
/// <c>token</c> command), and each must exit 0 without a gRPC or HTTP error in its output. A block that cannot run in a
/// test says why in the page (<c>&lt;!-- not-run: reason --&gt;</c>); there is no other way out.
/// </summary>
/// <remarks>
/// What is substituted, and only this: the node's ports for 5080/5081 (the test node gets free ones);
/// <c>dotnet run --project silo/Engagement.Silo -- …</c> runs the built node program (same arguments, same working
/// directory, so its ./data is the node's); <c>curl</c> also reports its HTTP status on stderr, so a 4xx/5xx fails the
/// block. The pages start where README left off: README's shell variables ($ADMIN, $SEC, $M1, $TODAY …) are
/// set when a page's first block runs, as in a reader's terminal.
/// </remarks>
public sealed partial class DocsRunTests(ITestOutputHelper output)
{
    private static readonly TimeSpan BlockDeadline = TimeSpan.FromMinutes(3);

    [Fact]
    public void AMarkerExcludesOnlyTheBlockRightAfterItAndNeedsAReason()
    {
        var page = """
            Intro.

            <!-- not-run: starts the node -->
            ```bash
            dotnet run --project silo/Engagement.Silo
            ```

            ```sh
            curl -s localhost:5081/v1/parks/zj
            ```
            ```json
            {"not":"shell"}
            ```
            <!-- run-if-present: grpcurl -->
            ```shell
            grpcurl -plaintext localhost:5080 list
            ```
            """;

        var blocks = DocBlocks.Parse("page.md", page);

        Assert.Collection(
            blocks,
            b => Assert.Equal(("page.md:4", "starts the node", (string?)null), (b.Where, b.NotRun, b.RunIfPresent)),
            b => Assert.Equal(("page.md:8", (string?)null, (string?)null), (b.Where, b.NotRun, b.RunIfPresent)),
            b => Assert.Equal(("page.md:15", (string?)null, "grpcurl"), (b.Where, b.NotRun, b.RunIfPresent)));
        Assert.Throws<FormatException>(() => DocBlocks.Parse("p.md", "<!-- not-run: -->\n```bash\nls\n```\n"));
        Assert.Throws<FormatException>(() => DocBlocks.Parse("p.md", "<!-- not-run: why -->\n\nText.\n```bash\nls\n```\n"));
    }

    [Fact]
    public async Task EveryShellCommandOfTheDocsWorksWhenPasted()
    {
        var root = BuildOutput.RepositoryRoot;
        var work = Directory.CreateTempSubdirectory("engagement-docs-").FullName;
        try
        {
            // The reader's directory: ./data is the node's data directory, docs/ is the repository's (for @docs/… files).
            File.CreateSymbolicLink(Path.Combine(work, "docs"), Path.Combine(root, "docs"));
            var settings = new NodeSettings(Path.Combine(work, "data"), []);
            Directory.CreateDirectory(settings.DataDirectory);
            await using var node = await NodeProcess.StartAsync(settings);
            var shell = new DocShell(work, settings, BuildOutput.Of("silo/Engagement.Silo"));

            var failures = new List<string>();
            var ran = 0;
            string? afterReadme = null;
            foreach (var page in DocBlocks.Pages(root))
            {
                var blocks = DocBlocks.Parse(page, await File.ReadAllTextAsync(Path.Combine(root, page), TestContext.Current.CancellationToken));
                var state = page == "README.md" ? null : afterReadme;
                foreach (var block in blocks)
                {
                    if (block.NotRun is { } reason)
                    {
                        output.WriteLine($"{block.Where}: not run ({reason})");
                        continue;
                    }

                    if (block.RunIfPresent is { } program && !OnPath(program))
                    {
                        output.WriteLine($"{block.Where}: not run ({program} is not installed here)");
                        continue;
                    }

                    var (ok, report, next) = await shell.RunAsync(block, state);
                    ran++;
                    output.WriteLine(ok ? $"{block.Where}: ok" : $"{block.Where}: FAILED");
                    output.WriteLine(report.Length > 3000 ? report[..3000] + " …" : report);
                    if (!ok)
                    {
                        failures.Add(report);
                        break; // the page's later blocks build on this one
                    }

                    state = next;
                }

                if (page == "README.md")
                {
                    afterReadme = state;
                }
            }

            Assert.True(ran > 0, "No shell block was run.");
            Assert.True(failures.Count == 0, $"{failures.Count} block(s) of the docs failed:\n\n{string.Join("\n\n", failures)}\n\nNode log:\n{Tail(node.Log, 40)}");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(d => File.Exists(Path.Combine(d, program)));

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));

    /// <summary>Runs one block in bash, continuing the variables of the blocks before it (via an export file).</summary>
    private sealed partial class DocShell(string work, NodeSettings node, string siloDll)
    {
        private int _count;

        public async Task<(bool Ok, string Report, string State)> RunAsync(DocBlock block, string? stateFile)
        {
            var n = Interlocked.Increment(ref _count);
            var scratch = Directory.CreateDirectory(Path.Combine(work, ".docs-test")).FullName;
            var script = Path.Combine(scratch, $"block-{n}.sh");
            var nextState = Path.Combine(scratch, $"block-{n}.env");
            var text = Substitute(block.Text);
            var header = Header(stateFile, block.Line);
            var headerLines = header.Count(c => c == '\n');
            await File.WriteAllTextAsync(script, header.Replace("@FIRST@", (headerLines + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                + text + "\nset +eE; trap - ERR\nexport -p > " + Quote(nextState) + "\n");
            try
            {
                var start = new ProcessStartInfo("bash") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
                start.ArgumentList.Add(script);
                using var process = Process.Start(start)!;
                process.StandardInput.Close();
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                using var timeout = new CancellationTokenSource(BlockDeadline);
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    return (false, $"{block.Where}: did not finish within {BlockDeadline}.\n{Indent(block.Text)}", "");
                }

                var all = (await stdout) + (await stderr);
                var problems = new List<string>();
                if (process.ExitCode != 0)
                {
                    problems.Add($"exit code {process.ExitCode}");
                }

                problems.AddRange(HttpFailure().Matches(all).Select(m => $"HTTP status {m.Groups[1].Value}"));
                problems.AddRange(GrpcStatusJson().Matches(all).Select(m => $"gRPC error {m.Value}"));
                problems.AddRange(GrpcurlError().Matches(all).Select(m => $"gRPC error {m.Value.ReplaceLineEndings(" ")}"));
                if (all.Contains("grpcurl: command not found", StringComparison.Ordinal))
                {
                    problems.Add("grpcurl is not installed here: show the call with curl on its JSON route, or mark a grpcurl block <!-- run-if-present: grpcurl -->");
                }
                var report = $"{block.Where}: {string.Join("; ", problems)}\n--- block ---\n{Indent(block.Text)}\n--- output ---\n{Indent(all)}";
                return (problems.Count == 0, report, nextState);
            }
            finally
            {
                File.Delete(script);
            }
        }

        private string Substitute(string text) => text
            .Replace("localhost:5080", $"localhost:{node.GrpcPort}", StringComparison.Ordinal)
            .Replace("127.0.0.1:5080", $"127.0.0.1:{node.GrpcPort}", StringComparison.Ordinal)
            .Replace("localhost:5081", $"localhost:{node.HttpPort}", StringComparison.Ordinal)
            .Replace("127.0.0.1:5081", $"127.0.0.1:{node.HttpPort}", StringComparison.Ordinal);

        /// <summary>
        /// Previous variables, the two stand-ins (dotnet run of the node → the built node; curl → curl that also says its
        /// HTTP status on stderr), strict mode, and a trap that names the page's line of a failing command.
        /// </summary>
        private string Header(string? stateFile, int fenceLine) => $$"""
            set -a
            {{(stateFile is null ? ":" : ". " + Quote(stateFile))}}
            cd {{Quote(work)}}
            dotnet() {
              if [ "$1" = run ] && [ "$2" = --project ] && [ "$3" = silo/Engagement.Silo ] && [ "$4" = -- ]; then
                shift 4; command dotnet {{Quote(siloDll)}} "$@"
              else
                echo "docs test: only 'dotnet run --project silo/Engagement.Silo -- ...' can run here, not: dotnet $*" >&2; return 97
              fi
            }
            curl() { command curl -w '%{stderr}[curl: HTTP %{http_code}]\n' "$@"; }
            set -eE -o pipefail
            trap 'echo "[failed with exit code $? at line $((LINENO - @FIRST@ + {{fenceLine + 1}})) of the page: $BASH_COMMAND]" >&2' ERR

            """;

        private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

        private static string Indent(string s) => string.Join('\n', s.TrimEnd().Split('\n').Select(l => "    " + l));

        [GeneratedRegex(@"\[curl: HTTP ((?:[045])\d\d)\]")]
        private static partial Regex HttpFailure();

        [GeneratedRegex(@"\{\s*""code""\s*:\s*[1-9]\d*\s*,\s*""message""\s*:\s*""[^""]*""")]
        private static partial Regex GrpcStatusJson();

        [GeneratedRegex(@"ERROR:\s*\n\s*Code:\s*\w+\s*\n\s*Message:[^\n]*")]
        private static partial Regex GrpcurlError();
    }
}
