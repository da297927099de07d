namespace Engagement.Tests;

/// <summary>The per-member quiz and event histories insights read: idempotent and bounded.</summary>
[Collection(ClusterCollection.Name)]
public sealed class MemberHistoryTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    private static readonly DateOnly Day = new(2026, 1, 1);

    [Fact]
    public async Task AQuizDayIsRecordedOnceAndDaysOlderThan400DaysBeforeTheNewestAreForgotten()
    {
        var history = _grains.GetGrain<IMemberQuizHistoryGrain>(Org.Next("m"));
        var at = fixture.Time.GetUtcNow();

        await history.RecordAsync(new QuizRecord(Day, 5, 5, [], at));
        await history.RecordAsync(new QuizRecord(Day, 5, 0, ["党章"], at));
        await history.RecordAsync(new QuizRecord(Day.AddDays(399), 5, 3, [], at));
        var both = await history.ReadAsync(Day, Day.AddDays(500));
        await history.RecordAsync(new QuizRecord(Day.AddDays(400), 5, 1, [], at));
        var later = await history.ReadAsync(Day, Day.AddDays(500));

        Assert.Equal([(Day, 5), (Day.AddDays(399), 3)], both.Select(r => (r.Day, r.Correct)));
        Assert.Equal([Day.AddDays(399), Day.AddDays(400)], later.Select(r => r.Day));
    }

    [Fact]
    public async Task AnEventIsRecordedOnceWithTheFirstWayItCounted()
    {
        var history = _grains.GetGrain<IMemberEventHistoryGrain>(Org.Next("m"));
        var at = fixture.Time.GetUtcNow();

        await history.RecordAsync(new AttendedEvent("e1", "读书会", AttendanceMode.Remote, at, 2));
        await history.RecordAsync(new AttendedEvent("e1", "读书会", AttendanceMode.OnSite, at.AddMinutes(5), 5));
        await history.RecordAsync(new AttendedEvent("e0", "党课", AttendanceMode.OnSite, at.AddDays(-1), 5));
        var all = await history.ReadAsync(at.AddDays(-2), at.AddDays(1));

        Assert.Equal([("e0", AttendanceMode.OnSite), ("e1", AttendanceMode.Remote)], all.Select(e => (e.EventId, e.Mode)));
    }
}
