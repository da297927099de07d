namespace Engagement.Tests;

/// <summary>Member profile figures: points from the ledger, quizzes, courses and events from their own records.</summary>
[Collection(ClusterCollection.Name)]
public sealed class InsightsProfileTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    private DateTimeOffset Now => fixture.Time.GetUtcNow();

    private DateOnly Today => ParkClock.DayOf(Now, ParkClock.DefaultTimeZone);

    private Task<MemberProfileStats> ProfileAsync(IMemberGrain member, Caller? caller = null, DateOnly? from = null, DateOnly? to = null) =>
        _grains.GetGrain<IMemberInsightsGrain>(member.Id()).GetProfileStatsAsync(caller ?? EventSetup.CallerOf(member), from, to);

    [Fact]
    public async Task PointsPerKindEqualTheLedgerAndSpendingAndRefundsAreReportedApart()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        await member.AdjustAsync(org.Admin, 100, "志愿服务", "adj");
        await member.CheckInAsync(EventSetup.CallerOf(member), "check-in");
        var hour = InsightsPeriod.HourOf(Now, ParkClock.DefaultTimeZone);
        await member.HoldAsync("r1", 30, new PurchaseLimit("shop/coffee", null, null));
        await member.SpendHoldAsync("r1", "redemption:r1");
        await member.RefundAsync("r1", 30, "shop/coffee", "refund:r1");
        await member.HoldAsync("r2", 12, new PurchaseLimit("shop/tea", null, null));
        await member.SpendHoldAsync("r2", "redemption:r2");

        var stats = await ProfileAsync(member, from: Today, to: Today);
        var balance = await member.GetBalanceAsync(EventSetup.CallerOf(member));

        Assert.Equal([new KindPoints(LedgerEntryKind.CheckIn, 1, 1), new KindPoints(LedgerEntryKind.Adjustment, 100, 1)], stats.Totals);
        Assert.Equal((1L, 100L, 42L, 30L), (stats.Earned, stats.Adjusted, stats.Spent, stats.Refunded));
        Assert.Equal(balance.Balance, stats.NetChange);
        var day = Assert.Single(stats.Days);
        Assert.Equal((Today, 1L, 42L, 30L), (day.Day, day.Earned, day.Spent, day.Refunded));
        Assert.Equal(stats.Totals, day.Points);
        Assert.Equal(1, stats.ActiveDays);
        Assert.Equal(1, stats.ActiveHours[hour]);
        Assert.Equal(1, stats.ActiveHours.Sum());
        Assert.Equal((1, 1), (stats.CurrentStreakDays, stats.LongestStreakDays));
    }

    [Fact]
    public async Task AnAllWrongQuizEarnsNothingButCountsForAccuracyAndARetryCountsNothingTwice()
    {
        var org = await new Org(_grains).CreateAsync();
        var bank = QuizBank.Singles("q", 5);
        await _grains.GetGrain<IQuizBankGrain>(QuizKeys.Park(org.Park)).ImportAsync(org.Admin, bank, Org.Next("k"));
        var member = await org.MemberAsync();
        var quiz = _grains.GetGrain<IMemberQuizGrain>(member.Id());
        var caller = EventSetup.CallerOf(member);
        var first = Today;

        var right = await quiz.GetDailyQuizAsync(caller, null);
        await quiz.SubmitAsync(caller, first, QuizBank.Answers(right, bank), "day-1");
        await quiz.SubmitAsync(caller, first, QuizBank.Answers(right, bank), "day-1");
        fixture.Time.Advance(TimeSpan.FromDays(1));
        var wrong = await quiz.GetDailyQuizAsync(caller, null);
        var allWrong = await quiz.SubmitAsync(caller, Today, QuizBank.Answers(wrong, bank, _ => true), "day-2");
        var stats = await ProfileAsync(member, from: first, to: Today);

        Assert.Equal(0, allWrong.Result.Award!.PointsAwarded);
        Assert.Equal(new QuizAccuracy(2, 10, 5), stats.Quiz);
        Assert.Equal(0.5, stats.Quiz.Ratio);
        Assert.Equal([new KindPoints(LedgerEntryKind.Quiz, 6, 1)], stats.Totals);
        Assert.Equal(1, stats.ActiveDays);
    }

    [Fact]
    public async Task ACourseFinishedForNoPointsAndAnEventThatPaysNothingStillCount()
    {
        var org = await new Org(_grains).CreateAsync();
        await _grains.GetGrain<ICommitteeGrain>(org.Committee).SetRulesAsync(org.Admin,
            PointsRules.Default with { CourseCompletedPoints = 0, EpisodePoints = 0 }, null, Org.Next("k"));
        var member = await org.MemberAsync();
        var course = await CourseViewer.CreateCourseAsync(_grains, org, 60);
        var start = Now.AddMinutes(10);
        var ev = await EventSetup.PublishAsync(_grains, org, EventSetup.BranchEvent(org, start, points: 0));

        await new CourseViewer(_grains, fixture.Time, member, course.CourseId).PlayAsync("e1", 0, 60);
        fixture.Time.Advance(start - Now);
        var code = await ev.GetCheckInCodeAsync(org.Secretary);
        var checkIn = await ev.CheckInAsync(EventSetup.CallerOf(member), member.Id(), code.Code, "on-site");
        var stats = await ProfileAsync(member, from: Today.AddDays(-1), to: Today);

        Assert.Equal(0, checkIn.PointsAwarded);
        Assert.Empty(stats.Totals);
        var finished = Assert.Single(stats.CoursesFinished);
        Assert.Equal((course.CourseId, course.Title), (finished.CourseId, finished.Title));
        var attended = Assert.Single(stats.EventsAttended);
        Assert.Equal((ev.GetPrimaryKeyString(), AttendanceMode.OnSite, 0L, checkIn.CheckedInAt), (attended.EventId, attended.Mode, attended.PointsAwarded, attended.At));
        Assert.Equal(0, stats.ActiveDays);
    }

    [Fact]
    public async Task RemoteAttendanceIsRecordedOnceAndALaterCheckInOnSiteKeepsIt()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var start = Now.AddMinutes(10);
        var ev = await EventSetup.PublishAsync(_grains, org, EventSetup.BranchEvent(org, start, points: 10, streamed: true));
        fixture.Time.Advance(start - Now);

        for (var minute = 0; minute <= 30; minute++)
        {
            await ev.SendHeartbeatAsync(EventSetup.CallerOf(member), member.Id(), $"hb-{minute}");
            fixture.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var code = await ev.GetCheckInCodeAsync(org.Secretary);
        await ev.CheckInAsync(EventSetup.CallerOf(member), member.Id(), code.Code, "on-site");
        var stats = await ProfileAsync(member, from: Today.AddDays(-1), to: Today);

        var attended = Assert.Single(stats.EventsAttended);
        Assert.Equal((AttendanceMode.Remote, 5L), (attended.Mode, attended.PointsAwarded));
        Assert.Equal([new KindPoints(LedgerEntryKind.EventRemote, 5, 1)], stats.Totals);
    }

    [Fact]
    public async Task TheLongestStreakCountsCheckInsWithinThePeriodAndTheCurrentOneIsTheMembersStreakNow()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var caller = EventSetup.CallerOf(member);
        var first = Today;

        foreach (var checkIn in new[] { true, true, true, false, true, true })
        {
            if (checkIn)
            {
                await member.CheckInAsync(caller, Org.Next("k"));
            }

            fixture.Time.Advance(TimeSpan.FromDays(1));
        }

        var whole = await ProfileAsync(member, from: first, to: Today);
        var lastTwoDays = await ProfileAsync(member, from: first.AddDays(1), to: first.AddDays(2));

        Assert.Equal((2, 3, 5), (whole.CurrentStreakDays, whole.LongestStreakDays, whole.ActiveDays));
        Assert.Equal(7, whole.Days.Count);
        Assert.Equal([1L, 1, 1, 0, 1, 1, 0], whole.Days.Select(d => d.Earned));
        Assert.Equal(2, lastTwoDays.LongestStreakDays);
        Assert.Equal(2, lastTwoDays.Earned);
    }

    [Fact]
    public async Task APeriodTooLongInTheFutureOrReversedIsRefusedNamingTheField()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();

        var tooLong = await Assert.ThrowsAsync<EngagementException>(() => ProfileAsync(member, from: Today.AddDays(-93), to: Today));
        var future = await Assert.ThrowsAsync<EngagementException>(() => ProfileAsync(member, to: Today.AddDays(1)));
        var reversed = await Assert.ThrowsAsync<EngagementException>(() => ProfileAsync(member, from: Today, to: Today.AddDays(-1)));
        var tooOld = await Assert.ThrowsAsync<EngagementException>(() => ProfileAsync(member, from: Today.AddDays(-400), to: Today.AddDays(-390)));
        var longest = await ProfileAsync(member, from: Today.AddDays(-92), to: Today);
        var byDefault = await ProfileAsync(member);

        Assert.All([tooLong, future, reversed, tooOld], e => Assert.Equal(ErrorKind.InvalidArgument, e.Kind));
        Assert.Equal(["from_day"], tooLong.Violations.Select(v => v.Field));
        Assert.Equal(["to_day"], future.Violations.Select(v => v.Field));
        Assert.Equal(["from_day"], reversed.Violations.Select(v => v.Field));
        Assert.Equal(["from_day"], tooOld.Violations.Select(v => v.Field));
        Assert.Equal(93, longest.Days.Count);
        Assert.Equal((Today.AddDays(-29), Today, 30), (byDefault.From, byDefault.To, byDefault.Days.Count));
    }

    [Fact]
    public async Task APeriodAtTheBeginningOfTimeIsRefusedNamingTheFieldNotAnInternalError()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();

        var onlyTo = await Assert.ThrowsAsync<EngagementException>(() => ProfileAsync(member, to: DateOnly.MinValue));
        var both = await Assert.ThrowsAsync<EngagementException>(() => ProfileAsync(member, from: DateOnly.MinValue, to: DateOnly.MinValue));

        Assert.Equal(["to_day"], onlyTo.Violations.Select(v => v.Field));
        Assert.Equal(["to_day", "from_day"], both.Violations.Select(v => v.Field));
    }

    [Fact]
    public async Task TheMemberTheirSecretaryTheirLeadersAndTheirParkAdminsReadTheProfileNobodyElse()
    {
        var org = await new Org(_grains).CreateAsync();
        var (member, other) = (await org.MemberAsync(), await org.MemberAsync());
        var otherBranch = await EventSetup.BranchAsync(_grains, org);
        Caller[] allowed = [EventSetup.CallerOf(member), org.Secretary, EventSetup.Leader(org), org.Admin];
        Caller[] denied = [EventSetup.CallerOf(other), Org.As("sec-2", new RoleGrant(Role.Secretary, otherBranch))];
        Caller[] outsiders = [Org.As("leader-2", new RoleGrant(Role.CommitteeLeader, Org.Next("com"))), Org.As("admin-2", new RoleGrant(Role.ParkAdmin, Org.Next("park")))];

        foreach (var caller in allowed)
        {
            Assert.Equal(member.Id(), (await ProfileAsync(member, caller)).MemberId);
        }

        foreach (var caller in denied)
        {
            var error = await Assert.ThrowsAsync<EngagementException>(() => ProfileAsync(member, caller));
            Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
        }

        // Without a role in the member's park, the member is unknown.
        foreach (var caller in outsiders)
        {
            var error = await Assert.ThrowsAsync<EngagementException>(() => ProfileAsync(member, caller));
            Assert.Equal((ErrorKind.NotFound, ErrorReasons.MemberNotFound), (error.Kind, error.Reason));
        }
    }
}
