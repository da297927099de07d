using System.Globalization;

namespace Engagement.EndToEnd;

/// <summary>One read of a node's Prometheus text at <c>/metrics</c>.</summary>
public sealed class Scrape
{
    private readonly List<(string Name, string Labels, double Value)> _samples;

    private Scrape(List<(string, string, double)> samples) => _samples = samples;

    public static async Task<Scrape> ReadAsync(HttpClient http)
    {
        var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var samples = new List<(string, string, double)>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var name = brace >= 0 && brace < space ? line[..brace] : line[..space];
            var labels = brace >= 0 && brace < space ? line[brace..line.LastIndexOf('}')] : "";
            if (double.TryParse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                samples.Add((name, labels, value));
            }
        }

        return new Scrape(samples);
    }

    /// <summary>The sum of <paramref name="name"/>'s samples whose labels contain <paramref name="label"/> (e.g. <c>activity="check_in"</c>).</summary>
    public double Sum(string name, string label = "") =>
        _samples.Where(s => s.Name == name && s.Labels.Contains(label, StringComparison.Ordinal)).Sum(s => s.Value);

    public bool Has(string name) => _samples.Any(s => s.Name == name);

    public bool HasPrefix(string prefix) => _samples.Any(s => s.Name.StartsWith(prefix, StringComparison.Ordinal));

    public IEnumerable<string> Names => _samples.Select(s => s.Name).Distinct();
}
