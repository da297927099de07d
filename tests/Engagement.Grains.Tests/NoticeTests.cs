namespace Engagement.Tests;

[Collection(ClusterCollection.Name)]
public sealed class NoticeTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task AMemberReadsTheNoticesOfTheirParkCommitteeAndBranchNewestFirstPageByPageAndMarksThemRead()
    {
        var org = await new Org(_grains).CreateAsync();
        var leader = Org.As("leader", new RoleGrant(Role.CommitteeLeader, org.Committee));
        var member = await org.MemberAsync();
        var id = member.GetPrimaryKeyString();
        var other = await new Org(_grains).CreateAsync();
        var park = await Board(NoticeAudience.Park, org.Park).PublishAsync(org.Admin, Draft("园区通知"), "p-1");
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var committee = await Board(NoticeAudience.Committee, org.Committee).PublishAsync(leader, Draft("党委通知"), "c-1");
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var branch = await Board(NoticeAudience.Branch, org.Branch).PublishAsync(org.Secretary, Draft("支部通知"), "b-1");
        var retry = await Board(NoticeAudience.Branch, org.Branch).PublishAsync(org.Secretary, Draft("支部通知"), "b-1");
        await Board(NoticeAudience.Branch, other.Branch).PublishAsync(other.Secretary, Draft("别的支部"), "b-2");
        var feed = _grains.GetGrain<IMemberFeedGrain>(id);

        var first = await feed.ListAsync(Org.MemberCaller(id), 2, null);
        var second = await feed.ListAsync(Org.MemberCaller(id), 2, first.NextCursor);
        var unread = await feed.MarkReadAsync(Org.MemberCaller(id), [branch.NoticeId]);
        var after = await feed.ListAsync(Org.MemberCaller(id), 10, null);

        Assert.Equal(branch.NoticeId, retry.NoticeId);
        Assert.Equal([branch.NoticeId, committee.NoticeId], first.Items.Select(i => i.Notice.NoticeId));
        Assert.Equal(3, first.UnreadCount);
        Assert.Equal([park.NoticeId], second.Items.Select(i => i.Notice.NoticeId));
        Assert.Null(second.NextCursor);
        Assert.Equal(2, unread);
        Assert.Equal([true, false, false], after.Items.Select(i => i.Read));
        Assert.Equal(2, after.UnreadCount);
    }

    [Fact]
    public async Task OnlyTheAudiencesOwnSecretaryLeaderOrAdminPublishesAndOnlyTheMemberReadsTheirFeed()
    {
        var org = await new Org(_grains).CreateAsync();
        var other = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();

        var branch = await Assert.ThrowsAsync<EngagementException>(() => Board(NoticeAudience.Branch, org.Branch).PublishAsync(other.Secretary, Draft("x"), "k"));
        var committee = await Assert.ThrowsAsync<EngagementException>(() => Board(NoticeAudience.Committee, org.Committee).PublishAsync(org.Secretary, Draft("x"), "k"));
        var park = await Assert.ThrowsAsync<EngagementException>(() => Board(NoticeAudience.Park, org.Park).PublishAsync(other.Admin, Draft("x"), "k"));
        var feed = await Assert.ThrowsAsync<EngagementException>(() => _grains.GetGrain<IMemberFeedGrain>(member.GetPrimaryKeyString()).ListAsync(org.Secretary, 10, null));

        Assert.All([committee, feed], e => Assert.Equal(ErrorKind.PermissionDenied, e.Kind));
        // Another park's secretary and admin have no role here: the audiences are unknown to them.
        Assert.Equal((ErrorKind.NotFound, ErrorReasons.BranchNotFound), (branch.Kind, branch.Reason));
        Assert.Equal((ErrorKind.NotFound, ErrorReasons.ParkNotFound), (park.Kind, park.Reason));
        Assert.Empty(await Board(NoticeAudience.Branch, org.Branch).ListAsync());
    }

    private static NoticeDraft Draft(string title) => new(title, "正文", ["https://img.example/1.png"]);

    private INoticeBoardGrain Board(NoticeAudience audience, string id) => _grains.GetGrain<INoticeBoardGrain>(NoticeBoards.Key(audience, id));
}
