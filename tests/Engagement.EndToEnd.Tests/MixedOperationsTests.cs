using Engagement.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Engagement.EndToEnd;

/// <summary>The ledger stays exact under everything at once: every kind of earning, spending and correcting, with retries.</summary>
[Collection(NodeCollection.Name)]
public sealed class MixedOperationsTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    [Fact]
    public async Task AfterThousandsOfRandomMixedOperationsThroughTheGatewayEveryLedgerIsConsistent()
    {
        var seed = await Seed.CreateAsync(Node);
        var counter = await Counter.OpenAsync(seed, cost: 3, stock: 100_000);
        var bank = QuizClients.Singles(Seed.Next("q"), 8);
        await seed.Admin.Quiz.ImportQuestionsAsync(QuizClients.ImportInto(seed.Park, bank));
        var course = await Node.CreateCourseAsync(seed, 60, 60, 60);
        var eventId = Seed.Next("ev");
        var publish = new PublishEventRequest
        {
            EventId = eventId, BranchId = seed.Branch, Title = "理论学习直播", Place = "党群服务中心", Capacity = 100, Streamed = true,
            StartTime = Timestamp.FromDateTimeOffset(Node.Time.GetUtcNow()), EndTime = Timestamp.FromDateTimeOffset(Node.Time.GetUtcNow().AddDays(7)),
            IdempotencyKey = "publish",
        };
        await seed.Secretary.Events.PublishEventAsync(publish);
        var members = new List<(string Id, Api Api)>();
        for (var i = 0; i < 6; i++)
        {
            members.Add(await counter.CustomerAsync(10));
        }

        var random = new Random(7);
        var lastKeys = new Dictionary<string, string>();
        var executed = 0;
        for (var op = 0; op < 1500; op++)
        {
            var (id, api) = members[random.Next(members.Count)];
            // A retry now and then: the same key again must change nothing.
            var key = random.Next(8) == 0 && lastKeys.TryGetValue(id, out var previous) ? previous : $"op-{op}";
            lastKeys[id] = key;
            try
            {
                await (random.Next(8) switch
                {
                    0 => api.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = key }).ResponseAsync,
                    1 => QuizAsync(api, bank, key, random),
                    2 => api.Courses.ReportProgressAsync(new ReportProgressRequest
                    {
                        MemberId = id, CourseId = course.CourseId, EpisodeId = $"e{random.Next(1, 4)}", PositionSeconds = random.Next(0, 61), IdempotencyKey = key,
                    }).ResponseAsync,
                    3 => random.Next(2) == 0
                        ? api.Events.SendHeartbeatAsync(new SendHeartbeatRequest { EventId = eventId, MemberId = id, IdempotencyKey = key }).ResponseAsync
                        : EventCheckInAsync(seed, api, eventId, id, key),
                    4 => seed.Secretary.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = id, Amount = random.Next(-5, 8) is var a && a != 0 ? a : 1, Reason = "随机", IdempotencyKey = key }).ResponseAsync,
                    5 => RedeemAsync(counter, api, key, random),
                    _ => Advance(random),
                });
                executed++;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.FailedPrecondition or StatusCode.ResourceExhausted
                || (e.StatusCode == StatusCode.AlreadyExists && key != $"op-{op}"))
            {
                // Refusals a user can meet (not enough points, day closed, event over…, or a reused key sent with a
                // different request); they must change nothing.
            }
        }

        var report = await seed.Admin.Points.CheckLedgerConsistencyAsync(new CheckLedgerConsistencyRequest { ParkId = seed.Park });

        Assert.True(executed > 1000, $"only {executed} operations went through");
        Assert.Empty(report.Differences);
        Assert.Equal(members.Count, report.MembersChecked);
        foreach (var (_, api) in members)
        {
            var balance = await api.Points.GetBalanceAsync(new GetBalanceRequest());
            Assert.True(balance.Available >= 0, $"available {balance.Available}");
        }
    }

    private Task Advance(Random random)
    {
        Node.Time.Advance(TimeSpan.FromMinutes(random.Next(0, 90)));
        return Task.CompletedTask;
    }

    private static async Task QuizAsync(Api api, List<V1.Question> bank, string key, Random random)
    {
        var quiz = await api.Quiz.GetDailyQuizAsync(new GetDailyQuizRequest());
        if (!quiz.Submitted)
        {
            await api.Quiz.SubmitDailyQuizAsync(QuizClients.Answers(quiz, bank, key, _ => random.Next(3) == 0));
        }
    }

    private static async Task EventCheckInAsync(Seed seed, Api api, string eventId, string memberId, string key)
    {
        var code = await seed.Secretary.Events.GetCheckInCodeAsync(new GetCheckInCodeRequest { EventId = eventId });
        await api.Events.CheckInToEventAsync(new CheckInToEventRequest { EventId = eventId, MemberId = memberId, Code = code.Code, IdempotencyKey = key });
    }

    private static async Task RedeemAsync(Counter counter, Api api, string key, Random random)
    {
        var started = await counter.StartAsync(api, key);
        if (random.Next(2) == 0)
        {
            await counter.Staff.Redemptions.ConfirmRedemptionAsync(new ConfirmRedemptionRequest { MerchantId = counter.MerchantId, QrPayload = started.QrPayload, IdempotencyKey = key });
        }
        else
        {
            await api.Redemptions.CancelRedemptionAsync(new CancelRedemptionRequest { RedemptionId = started.RedemptionId, IdempotencyKey = key });
        }
    }
}
