namespace Engagement;

/// <summary>
/// How playback reports become covered seconds. A report covers the stretch from the previous report's position when
/// it moved forward no faster than <see cref="MaxSpeed"/> × the time between them, plus <see cref="ToleranceSeconds"/>
/// for network and timer jitter. Anything else (a seek, a rewind, playback too fast) covers nothing and only moves the
/// anchor, so skipping ahead earns nothing and watching a part twice counts it once.
/// </summary>
public static class WatchCoverage
{
    public const double MaxSpeed = 1.5;
    public const double ToleranceSeconds = 2;

    /// <summary>Separate covered stretches kept per episode; a report that would add one more counts nothing (bounded rows).</summary>
    public const int MaxSpans = 64;

    /// <summary>The track after a report of <paramref name="position"/> at <paramref name="at"/>, and the seconds it added.</summary>
    public static (EpisodeTrack Track, int Added) Report(EpisodeTrack track, int position, DateTimeOffset at)
    {
        var covered = track.Covered;
        if (track is { AnchorPosition: { } from, AnchorAt: { } since } && position > from
            && position - from <= (MaxSpeed * (at - since).TotalSeconds) + ToleranceSeconds)
        {
            var merged = Merge(covered, new CoveredSpan(from, position));
            covered = merged.Count <= MaxSpans ? merged : covered;
        }

        var added = covered.Sum(s => s.Length) - track.CoveredSeconds;
        return (track with { Covered = covered, AnchorPosition = position, AnchorAt = at }, added);
    }

    /// <summary>Covered seconds as a whole percentage of <paramref name="durationSeconds"/>, 0..100.</summary>
    public static int Percent(int coveredSeconds, int durationSeconds) =>
        (int)Math.Min(100, coveredSeconds * 100L / durationSeconds);

    /// <summary>True when at least <paramref name="watchedPercent"/> % of the episode is covered (exact, no rounding).</summary>
    public static bool IsWatched(int coveredSeconds, int durationSeconds, int watchedPercent) =>
        coveredSeconds * 100L >= (long)watchedPercent * durationSeconds;

    /// <summary>Adds a span to ordered, disjoint spans, joining those it overlaps or touches.</summary>
    public static IReadOnlyList<CoveredSpan> Merge(IReadOnlyList<CoveredSpan> spans, CoveredSpan added)
    {
        var result = new List<CoveredSpan>(spans.Count + 1);
        var start = added.Start;
        var end = added.End;
        var placed = false;
        foreach (var span in spans)
        {
            if (span.End < start)
            {
                result.Add(span);
            }
            else if (span.Start > end)
            {
                if (!placed)
                {
                    result.Add(new CoveredSpan(start, end));
                    placed = true;
                }

                result.Add(span);
            }
            else
            {
                start = Math.Min(start, span.Start);
                end = Math.Max(end, span.End);
            }
        }

        if (!placed)
        {
            result.Add(new CoveredSpan(start, end));
        }

        return result;
    }
}
