namespace Engagement;

/// <summary>A member's durable progress on one course. Bounded: one track per episode and the reports of the idempotency window.</summary>
[GenerateSerializer, Alias("engagement.CourseProgressState")]
public sealed class CourseProgressState
{
    /// <summary>Tracks by episode id; an episode never reported on has none.</summary>
    [Id(0)]
    public Dictionary<string, EpisodeTrack> Episodes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>When the last episode became watched; null until the course is completed.</summary>
    [Id(1)]
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>What the course bonus gave; recorded so it is asked for once.</summary>
    [Id(2)]
    public AwardResult? CourseAward { get; set; }

    /// <summary>
    /// The episode of the last accepted report. Only its anchor may count the next report: the player plays one
    /// episode at a time, so parking anchors on every episode cannot earn them all in parallel.
    /// </summary>
    [Id(4)]
    public string? PlayingEpisode { get; set; }

    /// <summary>Before <see cref="Reports"/>: the last 20 reports by key. Moved into <see cref="Reports"/> on first use.</summary>
    [Id(3)]
    public List<KeyedProgress> RecentReports { get; set; } = [];

    /// <summary>Results of reports by idempotency key, for the idempotency window.</summary>
    [Id(5)]
    public IdempotencyLog<ProgressResult> Reports { get; set; } = new();
}
