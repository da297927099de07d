using Microsoft.Extensions.Options;

namespace Engagement;

/// <summary>
/// A member's progress on one course. Awards go through the member grain with stable keys
/// (<see cref="CourseKeys"/>), so even a report replayed after a lost write cannot pay twice; the progress state
/// records them too, so an episode pays at most once even after the member forgot the key.
/// </summary>
[GrainType("course-progress")]
public sealed class CourseProgressGrain(
    [PersistentState("course-progress", StorageNames.Main)] IPersistentState<CourseProgressState> state,
    DomainClock clock,
    IOptions<IdempotencyOptions> idempotency) : EngagementGrain, ICourseProgressGrain, ICourseProgressGrainInternal
{
    private CourseProgressState S => state.State;

    public async Task<ProgressResult> ReportAsync(Caller caller, string episodeId, int positionSeconds, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var (memberId, courseId) = CourseKeys.ParseProgress(this.GetPrimaryKeyString());
        if (!caller.Has(Role.Member, memberId))
        {
            var owner = await GrainFactory.GetGrain<IMemberGrainInternal>(memberId).GetMembershipAsync(cancellationToken);
            throw await GrainFactory.RefusalAsync(caller, owner.ParkId, "report progress for another member", () => Missing.Member(memberId), cancellationToken);
        }

        var reports = new Idempotency<ProgressResult>(S.Reports, $"course-progress/{this.GetPrimaryKeyString()}", GrainFactory, idempotency.Value.Window, clock.UtcNow);
        if (S.RecentReports.Count > 0)
        {
            reports.Adopt(S.RecentReports.Select(r => (r.Key, (ProgressResult?)r.Result)));
            S.RecentReports.Clear();
        }

        var request = RequestHash.Of(episodeId, positionSeconds);
        if (await reports.FindAsync(idempotencyKey, request) is { Result: { } first })
        {
            return first;
        }

        // Everything is checked before anything is written or awarded.
        var member = GrainFactory.GetGrain<IMemberGrainInternal>(memberId);
        var profile = await member.GetMembershipAsync(cancellationToken);
        var course = await GrainFactory.GetGrain<ICourseGrainInternal>(courseId).GetInfoAsync(cancellationToken);
        if (course.ParkId != profile.ParkId)
        {
            throw CourseErrors.CourseNotFound(courseId);
        }

        var episode = course.Episode(episodeId) ?? throw CourseErrors.EpisodeNotFound(courseId, episodeId);
        if (positionSeconds < 0 || positionSeconds > episode.DurationSeconds)
        {
            throw EngagementException.InvalidArgument("position_seconds",
                $"must be between 0 and {episode.DurationSeconds}, the episode's length in seconds");
        }

        if (!profile.Verified)
        {
            throw CourseErrors.NotVerified();
        }

        var now = clock.UtcNow;
        var rules = await GrainFactory.GetGrain<ICommitteeGrainInternal>(profile.CommitteeId).GetRulesAsync(now, cancellationToken);
        var previous = S.Episodes.GetValueOrDefault(episodeId) ?? EpisodeTrack.Empty;
        if (S.PlayingEpisode != episodeId)
        {
            previous = previous with { AnchorPosition = null, AnchorAt = null };
        }

        var (track, added) = WatchCoverage.Report(previous, positionSeconds, now);
        AwardResult? episodeAward = null;
        if (!track.Watched && WatchCoverage.IsWatched(track.CoveredSeconds, episode.DurationSeconds, rules.EpisodeWatchedPercent))
        {
            var key = CourseKeys.EpisodeAward(courseId, episodeId);
            episodeAward = await member.AwardAsync(new Award(Activity.CourseEpisode, rules.EpisodePoints, key, key), cancellationToken);
            track = track with { WatchedAt = now, Award = episodeAward };
        }

        AwardResult? courseAward = null;
        var watched = course.Episodes.Count(e => (e.EpisodeId == episodeId ? track : S.Episodes.GetValueOrDefault(e.EpisodeId))?.Watched == true);
        if (S.CompletedAt is null && watched == course.Episodes.Count)
        {
            var key = CourseKeys.CourseAward(courseId);
            courseAward = await member.AwardAsync(new Award(Activity.CourseCompleted, rules.CourseCompletedPoints, key, key), cancellationToken);
            S.CompletedAt = now;
            S.CourseAward = courseAward;
        }

        S.Episodes[episodeId] = track;
        S.PlayingEpisode = episodeId;
        var result = new ProgressResult(courseId, episodeId, episode.DurationSeconds, track.CoveredSeconds, added,
            WatchCoverage.Percent(track.CoveredSeconds, episode.DurationSeconds), track.Watched, episodeAward, courseAward,
            S.CompletedAt is not null, watched, course.Episodes.Count, now);
        await reports.RecordAsync(idempotencyKey, request, result);

        await SaveAsync(state);
        return result;
    }

    public Task<CourseProgress> SummarizeAsync(CourseInfo course, CancellationToken cancellationToken = default)
    {
        var episodes = course.Episodes.Select(e =>
        {
            var track = S.Episodes.GetValueOrDefault(e.EpisodeId) ?? EpisodeTrack.Empty;
            return new EpisodeProgress(e.EpisodeId, track.Watched, track.CoveredSeconds, WatchCoverage.Percent(track.CoveredSeconds, e.DurationSeconds));
        }).ToList();
        return Task.FromResult(new CourseProgress(course.CourseId, episodes.Count(e => e.Watched), episodes.Count, S.CompletedAt, episodes));
    }
}
