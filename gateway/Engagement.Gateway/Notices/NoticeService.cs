using System.Globalization;
using System.Threading.Channels;
using Engagement.V1;
using Grpc.Core;

namespace Engagement.Gateway;

/// <summary>Notices and member feeds. Validates, calls one grain, maps back; WatchFeed relays the boards' new notices (LiveHub).</summary>
public sealed class NoticeService(IGrainFactory grains, LiveHub hub) : V1.NoticeService.NoticeServiceBase
{
    public override async Task<PublishNoticeResponse> PublishNotice(PublishNoticeRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator().Id("audience_id", request.AudienceId).Text("title", request.Title, 100)
            .IdempotencyKey(request.IdempotencyKey);
        var audience = validator.ParseAudience(request.Audience);
        if (string.IsNullOrWhiteSpace(request.Body) || request.Body.Length > 5000)
        {
            validator.Add("body", "is required, at most 5000 characters");
        }

        if (request.ImageUrls.Count > 9 || request.ImageUrls.Any(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            validator.Add("image_urls", "at most 9 absolute https URLs");
        }

        validator.ThrowIfInvalid();
        var notice = await grains.GetGrain<INoticeBoardGrain>(NoticeBoards.Key(audience!.Value, request.AudienceId)).PublishAsync(caller,
            new NoticeDraft(request.Title.Trim(), request.Body, [.. request.ImageUrls]), request.IdempotencyKey, context.CancellationToken);
        return new PublishNoticeResponse { Notice = notice.ToProto(read: false) };
    }

    public override async Task<ListFeedResponse> ListFeed(ListFeedRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator();
        var member = caller.MemberId ?? "";
        var paging = Paging.Read(validator, "feed", request.PageSize, request.PageToken, member, defaultSize: 20, maxSize: 100);
        validator.ThrowIfInvalid();
        var page = await Feed(caller).ListAsync(caller, paging.Size, paging.Cursor, context.CancellationToken);
        var response = new ListFeedResponse { NextPageToken = Paging.Next("feed", page.NextCursor, member), UnreadCount = page.UnreadCount };
        response.Notices.AddRange(page.Items.Select(i => i.Notice.ToProto(i.Read)));
        return response;
    }

    public override async Task<ListSentNoticesResponse> ListSentNotices(ListSentNoticesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator().Id("audience_id", request.AudienceId);
        var audience = validator.ParseAudience(request.Audience);
        var board = audience is { } a ? NoticeBoards.Key(a, request.AudienceId) : "";
        var page = Paging.Read(validator, "sent-notices", request.PageSize, request.PageToken, board);
        validator.ThrowIfInvalid();
        var sent = await grains.GetGrain<INoticeBoardGrain>(board).ListSentAsync(caller, page.Size,
            page.Cursor is { } cursor && long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var before) ? before : null,
            context.CancellationToken);
        var response = new ListSentNoticesResponse
        {
            AudienceSize = sent.AudienceSize,
            NextPageToken = Paging.Next("sent-notices", sent.Next?.ToString(CultureInfo.InvariantCulture), board),
        };
        response.Notices.AddRange(sent.Items.Select(n => new V1.SentNotice { Notice = n.Notice.ToProto(read: false), ReadCount = n.ReadCount }));
        return response;
    }

    public override async Task<MarkNoticesReadResponse> MarkNoticesRead(MarkNoticesReadRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator().Range("notice_ids", request.NoticeIds.Count, 1, 200);
        for (var i = 0; i < request.NoticeIds.Count; i++)
        {
            validator.NoticeId($"notice_ids[{i}]", request.NoticeIds[i]);
        }

        validator.ThrowIfInvalid();
        var unread = await Feed(caller).MarkReadAsync(caller, [.. request.NoticeIds], context.CancellationToken);
        return new MarkNoticesReadResponse { UnreadCount = unread };
    }

    public override async Task WatchFeed(WatchFeedRequest request, IServerStreamWriter<WatchFeedResponse> responseStream, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var boards = await Feed(caller).BoardsAsync(caller, context.CancellationToken);
        var updates = Channel.CreateBounded<Notice>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
        var subscriptions = new List<IAsyncDisposable>();
        try
        {
            foreach (var board in boards)
            {
                subscriptions.Add(await hub.JoinAsync(grains.GetGrain<INoticeBoardGrain>(board), updates.Writer));
            }

            // Headers tell the client it is subscribed: everything published from now on reaches it.
            await context.WriteResponseHeadersAsync([]);
            while (!context.CancellationToken.IsCancellationRequested)
            {
                var notice = await hub.NextAsync(updates.Reader, context.CancellationToken);
                await responseStream.WriteAsync(new() { Notice = notice.ToProto(read: false) }, context.CancellationToken);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The watcher hung up.
        }
        finally
        {
            foreach (var subscription in subscriptions)
            {
                await subscription.DisposeAsync();
            }
        }
    }

    /// <summary>The calling member's feed; members only.</summary>
    private IMemberFeedGrain Feed(Caller caller) =>
        grains.GetGrain<IMemberFeedGrain>(caller.MemberId ?? throw EngagementException.PermissionDenied(ErrorReasons.PermissionDenied, "Only members have a feed."));
}
