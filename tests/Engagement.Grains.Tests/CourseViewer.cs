using Microsoft.Extensions.Time.Testing;

namespace Engagement.Tests;

/// <summary>A member watching one course: reports positions as a player would, moving the fake clock between reports.</summary>
public sealed class CourseViewer(IGrainFactory grains, FakeTimeProvider time, IMemberGrain member, string courseId)
{
    public IMemberGrain Member => member;

    public Caller Caller { get; } = Org.MemberCaller(member.GetPrimaryKeyString());

    public ICourseProgressGrain Progress => grains.GetGrain<ICourseProgressGrain>(CourseKeys.Progress(member.GetPrimaryKeyString(), courseId));

    /// <summary>Creates a course in the org's park with episodes e1, e2, … of the given lengths.</summary>
    public static Task<CourseInfo> CreateCourseAsync(IGrainFactory grains, Org org, params int[] durations) =>
        grains.GetGrain<ICourseGrain>(Org.Next("course")).CreateAsync(org.Admin,
            new NewCourse(org.Park, "党史学习", "", ["党史"], [.. durations.Select((d, i) => new EpisodeInfo($"e{i + 1}", $"第{i + 1}集", d))]),
            Org.Next("k"));

    public Task<ProgressResult> ReportAsync(string episodeId, int position, string? key = null) =>
        Progress.ReportAsync(Caller, episodeId, position, key ?? Org.Next("k"));

    /// <summary>
    /// Reports <paramref name="from"/>, then every <paramref name="step"/> seconds of video up to <paramref name="to"/>,
    /// with step / <paramref name="speed"/> seconds of clock between reports.
    /// </summary>
    public async Task<List<ProgressResult>> PlayAsync(string episodeId, int from, int to, double speed = 1, int step = 30)
    {
        var results = new List<ProgressResult> { await ReportAsync(episodeId, from) };
        for (var position = from + step; position <= to; position += step)
        {
            time.Advance(TimeSpan.FromSeconds(step / speed));
            results.Add(await ReportAsync(episodeId, position));
        }

        return results;
    }

    public async Task<long> BalanceAsync() => (await member.GetBalanceAsync(Caller)).Balance;

    public async Task<IReadOnlyList<LedgerEntry>> LedgerAsync() => (await member.ListLedgerAsync(Caller, 100, null)).Entries;
}
