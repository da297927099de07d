using Engagement.V1;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Time.Testing;

namespace Engagement.EndToEnd;

/// <summary>An event's state (its code secret included) is durable: a restarted node shows the same code and attendance.</summary>
public sealed class EventRestartTests
{
    [Fact]
    public async Task AfterARestartTheCodeOnScreenStillChecksInAndTheRsvpsAreKept()
    {
        var directory = Directory.CreateTempSubdirectory("engagement-events-").FullName;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
        try
        {
            string eventId, memberId, code;
            Seed seed;
            await using (var node = await TestNode.StartAsync(directory, time))
            {
                seed = await Seed.CreateAsync(node);
                (memberId, _) = await seed.MemberAsync();
                var secretary = node.Events("secretary", new RoleGrant(Role.Secretary, seed.Branch));
                var start = time.GetUtcNow().AddMinutes(10);
                eventId = (await secretary.PublishEventAsync(new PublishEventRequest
                {
                    EventId = Seed.Next("ev"), BranchId = seed.Branch, Title = "志愿服务", Place = "园区东门",
                    StartTime = Timestamp.FromDateTimeOffset(start), EndTime = Timestamp.FromDateTimeOffset(start.AddHours(3)),
                    Capacity = 10, IdempotencyKey = "publish",
                })).Event.EventId;
                await node.MemberEvents(memberId).RsvpAsync(new RsvpRequest { EventId = eventId, IdempotencyKey = "rsvp" });
                time.Advance(TimeSpan.FromMinutes(10));
                code = (await secretary.GetCheckInCodeAsync(new GetCheckInCodeRequest { EventId = eventId })).Code;
            }

            await using var restarted = await TestNode.StartAsync(directory, time);
            var member = restarted.MemberEvents(memberId);
            var upcoming = await member.ListUpcomingEventsAsync(new ListUpcomingEventsRequest());
            var checkIn = await member.CheckInToEventAsync(new CheckInToEventRequest { EventId = eventId, Code = code, IdempotencyKey = "check-in" });

            var listed = Assert.Single(upcoming.Events);
            Assert.Equal((eventId, true, 1), (listed.Event.EventId, listed.Rsvped, listed.RsvpCount));
            Assert.Equal(5, checkIn.PointsAwarded);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
