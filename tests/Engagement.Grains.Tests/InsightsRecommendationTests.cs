namespace Engagement.Tests;

/// <summary>Recommendations: today's activities under their caps, events, courses for missed quiz topics.</summary>
[Collection(ClusterCollection.Name)]
public sealed class InsightsRecommendationTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    private DateTimeOffset Now => fixture.Time.GetUtcNow();

    private DateOnly Today => ParkClock.DayOf(Now, ParkClock.DefaultTimeZone);

    private Task<MemberRecommendations> RecommendAsync(IMemberGrain member, Caller? caller = null) =>
        _grains.GetGrain<IMemberInsightsGrain>(member.Id()).GetRecommendationsAsync(caller ?? EventSetup.CallerOf(member));

    private static IEnumerable<RecommendationKind> Kinds(MemberRecommendations r) => r.Items.Select(i => i.Kind);

    [Fact]
    public async Task TheCheckInIsRecommendedUntilDoneAndOnTheSeventhDayWithItsStreakBonus()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        for (var day = 0; day < 6; day++)
        {
            await member.CheckInAsync(EventSetup.CallerOf(member), Org.Next("k"));
            fixture.Time.Advance(TimeSpan.FromDays(1));
        }

        var seventh = await RecommendAsync(member);
        await member.CheckInAsync(EventSetup.CallerOf(member), Org.Next("k"));
        var done = await RecommendAsync(member);

        var checkIn = Assert.Single(seventh.Items, i => i.Kind == RecommendationKind.CheckIn);
        Assert.Equal((6L, QuizKeys.Format(Today)), (checkIn.PointsAvailable, checkIn.ReferenceId));
        Assert.Null(seventh.BlockedReason);
        Assert.DoesNotContain(RecommendationKind.CheckIn, Kinds(done));
    }

    [Fact]
    public async Task TheQuizIsRecommendedOnlyWhenQuestionsExistAndUntilItIsSubmitted()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var caller = EventSetup.CallerOf(member);

        var withoutBank = await RecommendAsync(member);
        var bank = QuizBank.Singles("q", 5);
        await _grains.GetGrain<IQuizBankGrain>(QuizKeys.Park(org.Park)).ImportAsync(org.Admin, bank, Org.Next("k"));
        var withBank = await RecommendAsync(member);
        var quiz = await _grains.GetGrain<IMemberQuizGrain>(member.Id()).GetDailyQuizAsync(caller, null);
        await _grains.GetGrain<IMemberQuizGrain>(member.Id()).SubmitAsync(caller, Today, QuizBank.Answers(quiz, bank, _ => true), "all-wrong");
        var submitted = await RecommendAsync(member);

        Assert.DoesNotContain(RecommendationKind.DailyQuiz, Kinds(withoutBank));
        Assert.Equal(6, Assert.Single(withBank.Items, i => i.Kind == RecommendationKind.DailyQuiz).PointsAvailable);
        Assert.DoesNotContain(RecommendationKind.DailyQuiz, Kinds(submitted));
    }

    [Fact]
    public async Task CourseEpisodesAreRecommendedUntilTodaysCapIsReachedNextEpisodeOfTheCourseInProgressFirst()
    {
        var org = await new Org(_grains).CreateAsync();
        await _grains.GetGrain<ICommitteeGrain>(org.Committee).SetRulesAsync(org.Admin, PointsRules.Default with { EpisodeDailyCap = 2 }, null, Org.Next("k"));
        var member = await org.MemberAsync();
        var notStarted = await CourseViewer.CreateCourseAsync(_grains, org, 60, 60, 60);
        var inProgress = await CourseViewer.CreateCourseAsync(_grains, org, 60, 60, 60);
        var viewer = new CourseViewer(_grains, fixture.Time, member, inProgress.CourseId);

        var fresh = await RecommendAsync(member);
        await viewer.PlayAsync("e1", 0, 60);
        var oneWatched = await RecommendAsync(member);
        await viewer.PlayAsync("e2", 0, 60);
        var capReached = await RecommendAsync(member);

        var first = Assert.Single(fresh.Items, i => i.Kind == RecommendationKind.CourseEpisode);
        Assert.Equal((notStarted.CourseId, "e1", 1L), (first.ReferenceId, first.EpisodeId, first.PointsAvailable));
        var next = Assert.Single(oneWatched.Items, i => i.Kind == RecommendationKind.CourseEpisode);
        Assert.Equal((inProgress.CourseId, "e2", "党史学习：第2集"), (next.ReferenceId, next.EpisodeId, next.Title));
        Assert.DoesNotContain(RecommendationKind.CourseEpisode, Kinds(capReached));
    }

    [Fact]
    public async Task UpcomingEventsWithSeatsAreRecommendedSoonestFirstUntilTheMemberRsvps()
    {
        var org = await new Org(_grains).CreateAsync();
        var (member, other) = (await org.MemberAsync(), await org.MemberAsync());
        var later = await EventSetup.PublishAsync(_grains, org, EventSetup.BranchEvent(org, Now.AddDays(3)));
        var sooner = await EventSetup.PublishAsync(_grains, org, EventSetup.CommitteeEvent(org, Now.AddDays(1)), EventSetup.Leader(org));
        var full = await EventSetup.PublishAsync(_grains, org, EventSetup.BranchEvent(org, Now.AddDays(2), capacity: 1));
        await EventSetup.PublishAsync(_grains, org, EventSetup.BranchEvent(org, Now.AddDays(15)));
        await full.RsvpAsync(EventSetup.CallerOf(other), other.Id(), "seat");

        var before = await RecommendAsync(member);
        await later.RsvpAsync(EventSetup.CallerOf(member), member.Id(), "rsvp");
        var after = await RecommendAsync(member);

        Assert.Equal([sooner.GetPrimaryKeyString(), later.GetPrimaryKeyString()],
            before.Items.Where(i => i.Kind == RecommendationKind.Event).Select(i => i.ReferenceId));
        Assert.Equal((5L, Now.AddDays(1)), (before.Items.First(i => i.Kind == RecommendationKind.Event).PointsAvailable,
            before.Items.First(i => i.Kind == RecommendationKind.Event).StartsAt!.Value));
        Assert.Equal([sooner.GetPrimaryKeyString()], after.Items.Where(i => i.Kind == RecommendationKind.Event).Select(i => i.ReferenceId));
    }

    [Fact]
    public async Task CoursesMatchingTheTagsOfMissedQuestionsAreRecommendedMostMatchingFirst()
    {
        var org = await new Org(_grains).CreateAsync();
        QuizQuestion[] bank = [QuizBank.Single("a", 0, "党章", "党史"), QuizBank.Single("b", 1, "纪律"), QuizBank.Single("c", 2), QuizBank.Single("d", 3), QuizBank.Single("e", 0)];
        await _grains.GetGrain<IQuizBankGrain>(QuizKeys.Park(org.Park)).ImportAsync(org.Admin, bank, Org.Next("k"));
        var member = await org.MemberAsync();
        var caller = EventSetup.CallerOf(member);
        var one = await CourseAsync(org, "纪律");
        var two = await CourseAsync(org, "党章", "党史", "其他");
        await CourseAsync(org, "经济");

        var before = await RecommendAsync(member);
        var quiz = await _grains.GetGrain<IMemberQuizGrain>(member.Id()).GetDailyQuizAsync(caller, null);
        await _grains.GetGrain<IMemberQuizGrain>(member.Id()).SubmitAsync(caller, Today, QuizBank.Answers(quiz, bank, q => q.QuestionId is "a" or "b"), "k");
        var after = await RecommendAsync(member);
        var bySecretary = await RecommendAsync(member, org.Secretary);

        Assert.DoesNotContain(RecommendationKind.ReviewCourse, Kinds(before));
        var review = after.Items.Where(i => i.Kind == RecommendationKind.ReviewCourse).ToList();
        Assert.Equal([two.CourseId, one.CourseId], review.Select(r => r.ReferenceId));
        Assert.Equal(["党章", "党史"], review[0].MatchingTags!);
        Assert.Equal(1 + 5, review[0].PointsAvailable);
        Assert.Equal(after.Items.Select(i => (i.Kind, i.ReferenceId)), bySecretary.Items.Select(i => (i.Kind, i.ReferenceId)));
    }

    [Fact]
    public async Task AnUnverifiedOrDeactivatedMemberGetsNothingAndIsToldWhyAndOnlyTheMemberAndSecretaryMayAsk()
    {
        var org = await new Org(_grains).CreateAsync();
        var (unverified, deactivated) = (await org.MemberAsync(verified: false), await org.MemberAsync());
        await deactivated.SetActiveAsync(org.Secretary, active: false, "off");

        var notVerified = await RecommendAsync(unverified);
        var off = await RecommendAsync(deactivated, org.Secretary);
        var byLeader = await Assert.ThrowsAsync<EngagementException>(() => RecommendAsync(deactivated, EventSetup.Leader(org)));
        var byOther = await Assert.ThrowsAsync<EngagementException>(() => RecommendAsync(deactivated, EventSetup.CallerOf(unverified)));

        Assert.Equal((ErrorReasons.MemberNotVerified, 0), (notVerified.BlockedReason, notVerified.Items.Count));
        Assert.Equal((ErrorReasons.MemberDeactivated, 0), (off.BlockedReason, off.Items.Count));
        Assert.Equal(ErrorKind.PermissionDenied, byLeader.Kind);
        Assert.Equal(ErrorKind.PermissionDenied, byOther.Kind);
    }

    private async Task<CourseInfo> CourseAsync(Org org, params string[] tags) =>
        await _grains.GetGrain<ICourseGrain>(Org.Next("course")).CreateAsync(org.Admin,
            new NewCourse(org.Park, $"课程 {string.Join("/", tags)}", "", tags, [new EpisodeInfo("e1", "第1集", 60)]), Org.Next("k"));
}
