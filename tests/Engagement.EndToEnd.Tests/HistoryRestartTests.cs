using Engagement.V1;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Time.Testing;

namespace Engagement.EndToEnd;

/// <summary>The history lists are stored: a restarted node lists the same redemptions, events (past ones too) and sent notices.</summary>
public sealed class HistoryRestartTests
{
    [Fact]
    public async Task AfterARestartTheRedemptionEventAndNoticeHistoriesAreTheSame()
    {
        var directory = Directory.CreateTempSubdirectory("engagement-history-").FullName;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
        try
        {
            Seed seed;
            string memberId, merchantId, pastEvent, futureEvent, noticeId;
            ListRedemptionsResponse memberBefore, counterBefore;
            await using (var node = await TestNode.StartAsync(directory, time))
            {
                seed = await Seed.CreateAsync(node);
                var counter = await Counter.OpenAsync(seed);
                merchantId = counter.MerchantId;
                var (id, member) = await counter.CustomerAsync(100);
                memberId = id;
                var first = await counter.StartAsync(member);
                await counter.Staff.Redemptions.ConfirmRedemptionAsync(new ConfirmRedemptionRequest { MerchantId = merchantId, QrPayload = first.QrPayload, IdempotencyKey = "confirm" });
                await counter.StartAsync(member);

                var secretary = node.Events("secretary", new RoleGrant(Role.Secretary, seed.Branch));
                pastEvent = (await secretary.PublishEventAsync(Event(seed, time.GetUtcNow().AddMinutes(10)))).Event.EventId;
                futureEvent = (await secretary.PublishEventAsync(Event(seed, time.GetUtcNow().AddDays(2)))).Event.EventId;
                noticeId = (await seed.Secretary.Notices.PublishNoticeAsync(HistoryListTests.Draft(V1.NoticeAudience.Branch, seed.Branch, "支部通知"))).Notice.NoticeId;
                await member.Notices.MarkNoticesReadAsync(new MarkNoticesReadRequest { NoticeIds = { noticeId } });
                time.Advance(TimeSpan.FromHours(3));
                memberBefore = await member.Redemptions.ListRedemptionsAsync(new ListRedemptionsRequest());
                counterBefore = await counter.Staff.Redemptions.ListRedemptionsAsync(new ListRedemptionsRequest { MerchantId = merchantId });
            }

            await using var restarted = await TestNode.StartAsync(directory, time);
            var again = Seed.Reattach(seed, restarted.Channel, restarted.Key);
            var staff = again.As($"clerk-{merchantId}", new RoleGrant(Role.MerchantStaff, merchantId));
            var memberAfter = await again.As(memberId, new RoleGrant(Role.Member, memberId)).Redemptions.ListRedemptionsAsync(new ListRedemptionsRequest());
            var counterAfter = await staff.Redemptions.ListRedemptionsAsync(new ListRedemptionsRequest { MerchantId = merchantId });
            var events = await restarted.Events("secretary", new RoleGrant(Role.Secretary, seed.Branch)).ListEventsAsync(new ListEventsRequest { BranchId = seed.Branch });
            var upcoming = await restarted.MemberEvents(memberId).ListUpcomingEventsAsync(new ListUpcomingEventsRequest());
            var notices = await again.Secretary.Notices.ListSentNoticesAsync(new ListSentNoticesRequest { Audience = V1.NoticeAudience.Branch, AudienceId = seed.Branch });

            Assert.Equal(2, memberBefore.Redemptions.Count);
            Assert.Equal([V1.RedemptionStatus.Expired, V1.RedemptionStatus.Completed], memberAfter.Redemptions.Select(r => r.Status));
            Assert.Equal(memberBefore.Redemptions.Select(r => r.RedemptionId), memberAfter.Redemptions.Select(r => r.RedemptionId));
            Assert.Equal(counterBefore, counterAfter);
            Assert.Equal("2026-11-23", counterAfter.Day);
            Assert.Equal([futureEvent, pastEvent], events.Events.Select(e => e.Event.EventId));
            Assert.Equal(futureEvent, Assert.Single(upcoming.Events).Event.EventId);
            Assert.Equal((noticeId, 1, 1), (Assert.Single(notices.Notices).Notice.NoticeId, notices.Notices[0].ReadCount, notices.AudienceSize));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static PublishEventRequest Event(Seed seed, DateTimeOffset start) => new()
    {
        EventId = Seed.Next("ev"),
        BranchId = seed.Branch,
        Title = "志愿服务",
        Place = "园区东门",
        StartTime = Timestamp.FromDateTimeOffset(start),
        EndTime = Timestamp.FromDateTimeOffset(start.AddHours(2)),
        Capacity = 10,
        IdempotencyKey = Seed.Next("k"),
    };
}
