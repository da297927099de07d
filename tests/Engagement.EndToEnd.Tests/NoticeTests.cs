using Engagement.V1;
using Grpc.Core;

namespace Engagement.EndToEnd;

[Collection(NodeCollection.Name)]
public sealed class NoticeTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    [Fact]
    public async Task AMemberSeesTheirBranchsNoticesNewestFirstWithAnUnreadCountAndMarksThemRead()
    {
        var seed = await Seed.CreateAsync(Node);
        var (_, member) = await seed.MemberAsync();
        var first = await seed.Admin.Notices.PublishNoticeAsync(Draft(V1.NoticeAudience.Park, seed.Park, "园区通知"));
        Node.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await seed.Secretary.Notices.PublishNoticeAsync(Draft(V1.NoticeAudience.Branch, seed.Branch, "支部学习安排"));

        var page1 = await member.Notices.ListFeedAsync(new ListFeedRequest { PageSize = 1 });
        var page2 = await member.Notices.ListFeedAsync(new ListFeedRequest { PageSize = 1, PageToken = page1.NextPageToken });
        var marked = await member.Notices.MarkNoticesReadAsync(new MarkNoticesReadRequest { NoticeIds = { second.Notice.NoticeId } });
        var after = await member.Notices.ListFeedAsync(new ListFeedRequest());

        Assert.Equal(second.Notice.NoticeId, Assert.Single(page1.Notices).NoticeId);
        Assert.Equal(first.Notice.NoticeId, Assert.Single(page2.Notices).NoticeId);
        Assert.Equal("", page2.NextPageToken);
        Assert.Equal(2, page1.UnreadCount);
        Assert.Equal(1, marked.UnreadCount);
        Assert.Equal([true, false], after.Notices.Select(n => n.Read));
        Assert.Equal("https://img.example/1.png", Assert.Single(after.Notices[0].ImageUrls));
    }

    [Fact]
    public async Task AWatchingMemberReceivesANewBranchNoticeLive()
    {
        var seed = await Seed.CreateAsync(Node);
        var (_, member) = await seed.MemberAsync();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        using var watch = member.Notices.WatchFeed(new WatchFeedRequest(), cancellationToken: deadline.Token);
        await watch.ResponseHeadersAsync;

        var published = await seed.Secretary.Notices.PublishNoticeAsync(Draft(V1.NoticeAudience.Branch, seed.Branch, "今晚七点组织生活会"));

        Assert.True(await watch.ResponseStream.MoveNext(deadline.Token));
        Assert.Equal(published.Notice.NoticeId, watch.ResponseStream.Current.Notice.NoticeId);
        Assert.Equal("今晚七点组织生活会", watch.ResponseStream.Current.Notice.Title);
    }

    [Fact]
    public async Task ASecretaryOfAnotherBranchCannotPublishToThisBranchAndBadInputIsNamed()
    {
        var seed = await Seed.CreateAsync(Node);
        var (_, stranger) = await seed.SecondBranchAsync();

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied, () =>
            stranger.Notices.PublishNoticeAsync(Draft(V1.NoticeAudience.Branch, seed.Branch, "x")));
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument, () =>
            seed.Secretary.Notices.PublishNoticeAsync(new PublishNoticeRequest { Audience = (V1.NoticeAudience)42, AudienceId = seed.Branch, Title = "", Body = "b", ImageUrls = { "http://x" }, IdempotencyKey = "k" }));

        Assert.Equal(["title", "audience", "image_urls"], RpcAssert.ViolatedFields(error));
    }

    private static PublishNoticeRequest Draft(V1.NoticeAudience audience, string id, string title) =>
        new() { Audience = audience, AudienceId = id, Title = title, Body = "请各位党员准时参加。", ImageUrls = { "https://img.example/1.png" }, IdempotencyKey = Seed.Next("k") };
}
