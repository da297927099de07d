using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Engagement.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Engagement.Gateway;

/// <summary>Leaderboard pages and a member's standing.</summary>
public sealed partial class LeaderboardService(IGrainFactory grains, LiveHub hub) : V1.LeaderboardService.LeaderboardServiceBase
{
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 100;

    public override async Task<GetLeaderboardResponse> GetLeaderboard(GetLeaderboardRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator();
        var filter = $"{request.Scope}|{request.ScopeId}|{request.Period}|{request.PeriodKey}";
        var paging = Paging.Read(validator, "leaderboard", request.PageSize, request.PageToken, filter, DefaultPageSize, MaxPageSize);
        var (offset, after) = ReadCursor(paging.Cursor);
        var key = await LocateAsync(request.Scope, request.ScopeId, request.Period, request.PeriodKey, validator, context.CancellationToken);
        var page = await grains.Board<ILeaderboardGrain>(key).TopAsync(caller, offset, paging.Size, after, context.CancellationToken);
        var next = offset + page.Entries.Count;
        var response = new GetLeaderboardResponse
        {
            PeriodKey = BoardKeys.Parse(key).PeriodKey,
            Total = page.Total,
            NextPageToken = page.Entries.Count == 0 || next >= page.Total ? "" : Paging.Next("leaderboard", Cursor(next, page.Entries[^1]), filter),
        };
        response.Entries.AddRange(page.Entries.Select(ToProto));
        return response;
    }

    public override async Task<GetMemberRankResponse> GetMemberRank(GetMemberRankRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var memberId = caller.MemberIdOr(request.MemberId);
        var validator = new RequestValidator().Id("member_id", memberId).Range("around", request.Around, 0, 10);
        var key = await LocateAsync(request.Scope, request.ScopeId, request.Period, request.PeriodKey, validator, context.CancellationToken);
        var standing = await grains.Board<ILeaderboardGrain>(key).AroundAsync(caller, memberId, request.Around, context.CancellationToken);
        var response = new GetMemberRankResponse { PeriodKey = BoardKeys.Parse(key).PeriodKey, Entry = standing.Entry is { } e ? ToProto(e) : null, Total = standing.Total };
        response.Above.AddRange(standing.Above.Select(ToProto));
        response.Below.AddRange(standing.Below.Select(ToProto));
        return response;
    }

    public override async Task WatchLeaderboard(WatchLeaderboardRequest request, IServerStreamWriter<WatchLeaderboardResponse> responseStream, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator().Range("top", request.Top, 0, LeaderboardWatch.TopSize);
        var key = await LocateAsync(request.Scope, request.ScopeId, request.Period, "", validator, context.CancellationToken);
        var top = request.Top == 0 ? 20 : request.Top;
        var sent = request.LastVersion;
        var periodChanged = false;
        while (true)
        {
            var board = grains.Board<ILeaderboardGrain>(key);
            var updates = Channel.CreateBounded<BoardPage>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
            // Join before reading the snapshot, so no change between the two is missed.
            await using (await hub.JoinAsync(board, updates.Writer))
            {
                var snapshot = await board.TopAsync(caller, 0, top, cancellationToken: context.CancellationToken);
                if (periodChanged || sent == 0 || snapshot.Version != sent)
                {
                    await responseStream.WriteAsync(Update(snapshot, top, periodChanged), context.CancellationToken);
                    sent = snapshot.Version;
                }

                periodChanged = false;
                while (!periodChanged)
                {
                    var page = await hub.NextAsync(updates.Reader, context.CancellationToken);
                    if (page.Ended)
                    {
                        // The park's calendar moved on: follow it to the new period's board (a fresh snapshot, marked).
                        var next = await LocateAsync(request.Scope, request.ScopeId, request.Period, "", new RequestValidator(), context.CancellationToken);
                        periodChanged = next != key;
                        key = next;
                    }
                    else if (page.Version != sent)
                    {
                        await responseStream.WriteAsync(Update(page, top, false), context.CancellationToken);
                        sent = page.Version;
                    }
                }
            }
        }
    }

    /// <summary>
    /// A page's cursor: the next offset and the last entry shown (its score, the time it was reached in UTC ticks and
    /// its id), so a sharded board continues after that entry instead of reading the whole prefix from every shard.
    /// </summary>
    private static string Cursor(int nextOffset, BoardEntry last) =>
        string.Join(';', nextOffset.ToString(CultureInfo.InvariantCulture), last.Score.ToString(CultureInfo.InvariantCulture),
            last.ReachedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), last.MemberId);

    /// <summary>Reads <see cref="Cursor"/> (a bare offset, as tokens of earlier releases hold, pages by offset alone).</summary>
    private static (int Offset, BoardEntry? After) ReadCursor(string? cursor)
    {
        var parts = (cursor ?? "").Split(';', 4);
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return (0, null);
        }

        return parts.Length == 4
            && long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var score)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
                ? (offset, new BoardEntry(offset, parts[3], score, new DateTimeOffset(ticks, TimeSpan.Zero)))
                : (offset, null);
    }

    private static WatchLeaderboardResponse Update(BoardPage page, int top, bool periodChanged)
    {
        var update = new WatchLeaderboardResponse { PeriodKey = BoardKeys.Parse(page.BoardKey).PeriodKey, Version = page.Version, Total = page.Total, PeriodChanged = periodChanged };
        update.Entries.AddRange(page.Entries.Take(top).Select(ToProto));
        return update;
    }

    private async Task<string> LocateAsync(LeaderboardScope scope, string scopeId, LeaderboardPeriod period, string periodKey, RequestValidator validator, CancellationToken cancellationToken)
    {
        validator.Id("scope_id", scopeId);
        if (scope == LeaderboardScope.Unspecified || !System.Enum.IsDefined(scope))
        {
            validator.Add("scope", "is required");
        }

        if (period == LeaderboardPeriod.Unspecified || !System.Enum.IsDefined(period))
        {
            validator.Add("period", "is required");
        }
        else if (periodKey.Length > 0 && !PeriodPattern((BoardPeriod)(int)period).IsMatch(periodKey))
        {
            validator.Add("period_key", "does not name a period of this kind (2026-11-23, 2026-W48, 2026-11, 2026 or all)");
        }

        validator.ThrowIfInvalid();
        return await grains.GetGrain<IBoardLocatorGrain>(0)
            .LocateAsync((BoardScope)(int)scope, scopeId, (BoardPeriod)(int)period, periodKey.Length > 0 ? periodKey : null, cancellationToken);
    }

    private static Regex PeriodPattern(BoardPeriod period) => period switch
    {
        BoardPeriod.Day => DayPattern(),
        BoardPeriod.Week => WeekPattern(),
        BoardPeriod.Month => MonthPattern(),
        BoardPeriod.Year => YearPattern(),
        _ => AllPattern(),
    };

    private static LeaderboardEntry ToProto(BoardEntry entry) => entry.Members > 0
        ? new()
        {
            Rank = entry.Rank, BranchId = entry.MemberId, BranchName = entry.Name ?? "", Score = entry.Score, ReachTime = Timestamp.FromDateTimeOffset(entry.ReachedAt),
            Members = entry.Members, PointsPerMember = entry.PointsPerMember,
        }
        : new() { Rank = entry.Rank, MemberId = entry.MemberId, DisplayName = entry.Name ?? "", Score = entry.Score, ReachTime = Timestamp.FromDateTimeOffset(entry.ReachedAt) };

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}\z")]
    private static partial Regex DayPattern();

    [GeneratedRegex(@"^[0-9]{4}-W[0-9]{2}\z")]
    private static partial Regex WeekPattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}\z")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^[0-9]{4}\z")]
    private static partial Regex YearPattern();

    [GeneratedRegex("^all\\z")]
    private static partial Regex AllPattern();
}
