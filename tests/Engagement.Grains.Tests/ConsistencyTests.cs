namespace Engagement.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ConsistencyTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task AfterThousandsOfRandomMixedOperationsEveryBalanceEqualsItsLedgerAndNoCapIsExceeded()
    {
        var org = await new Org(_grains).CreateAsync();
        var members = new List<IMemberGrain>();
        for (var i = 0; i < 12; i++)
        {
            members.Add(await org.MemberAsync());
        }

        var random = new Random(20261123);
        var expected = members.ToDictionary(m => m.GetPrimaryKeyString(), _ => 0L);
        var firstResults = new Dictionary<string, object>();
        var adjustAmounts = new Dictionary<string, int>();
        var recentKeys = members.ToDictionary(m => m.GetPrimaryKeyString(), _ => new List<string>());
        Activity[] activities = [Activity.Quiz, Activity.CourseEpisode, Activity.CourseCompleted, Activity.EventOnSite, Activity.EventRemote];
        for (var op = 0; op < 3000; op++)
        {
            var member = members[random.Next(members.Count)];
            var id = member.GetPrimaryKeyString();
            // One key in ten repeats one of the member's last few: a client retrying (members remember their recent keys).
            var recent = recentKeys[id];
            var key = random.Next(10) == 0 && recent.Count > 0 ? recent[random.Next(recent.Count)] : $"{id}|{op}";
            recent.Add(key);
            if (recent.Count > 8)
            {
                recent.RemoveAt(0);
            }

            switch (random.Next(4))
            {
                case 0:
                    var checkIn = await member.CheckInAsync(Org.MemberCaller(id), key + "|c");
                    if (firstResults.TryAdd(key + "|c", checkIn))
                    {
                        expected[id] += checkIn.PointsAwarded;
                    }
                    else
                    {
                        Assert.Equal(firstResults[key + "|c"], checkIn);
                    }

                    break;
                case 1:
                    var award = await member.AwardAsync(new Award(activities[random.Next(activities.Length)], random.Next(0, 8), $"ref-{op}", key + "|a"));
                    if (firstResults.TryAdd(key + "|a", award))
                    {
                        expected[id] += award.PointsAwarded;
                    }
                    else
                    {
                        Assert.Equal(firstResults[key + "|a"], award);
                    }

                    break;
                case 2:
                    // A retried key repeats its request: the same key with another amount is a different request (refused).
                    var amount = adjustAmounts.TryGetValue(key, out var asked) ? asked : adjustAmounts[key] = random.Next(-6, 11);
                    if (amount == 0)
                    {
                        break;
                    }

                    try
                    {
                        var adjust = await member.AdjustAsync(org.Secretary, amount, "random", key + "|j");
                        if (firstResults.TryAdd(key + "|j", adjust))
                        {
                            expected[id] += amount;
                        }
                    }
                    catch (EngagementException e) when (e.Reason == ErrorReasons.InsufficientPoints)
                    {
                        Assert.True(expected[id] + amount < 0);
                    }

                    break;
                default:
                    fixture.Time.Advance(TimeSpan.FromMinutes(random.Next(0, 600)));
                    break;
            }
        }

        var report = await _grains.GetGrain<ILedgerAuditorGrain>(org.Park).CheckAsync(org.Admin);

        Assert.Empty(report.Differences);
        Assert.Equal(members.Count, report.MembersChecked);
        Assert.True(report.EntriesChecked > 1000, $"only {report.EntriesChecked} entries");
        foreach (var member in members)
        {
            var id = member.GetPrimaryKeyString();
            Assert.Equal(expected[id], (await member.GetBalanceAsync(org.Admin)).Balance);
            await AssertNoDailyCapExceededAsync(member, org);
        }
    }

    [Fact]
    public async Task TheConsistencyCheckIsForParkAdminsOnly()
    {
        var org = await new Org(_grains).CreateAsync();

        var error = await Assert.ThrowsAsync<EngagementException>(() => _grains.GetGrain<ILedgerAuditorGrain>(org.Park).CheckAsync(org.Secretary));

        Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
    }

    private static async Task AssertNoDailyCapExceededAsync(IMemberGrain member, Org org)
    {
        var entries = new List<LedgerEntry>();
        long? before = null;
        do
        {
            var slice = await member.ListLedgerAsync(org.Admin, 100, before);
            entries.AddRange(slice.Entries);
            before = slice.NextBefore;
        }
        while (before is not null);

        var capped = new Dictionary<LedgerEntryKind, long>
        {
            [LedgerEntryKind.CheckIn] = PointsRules.Default.CheckInPoints,
            [LedgerEntryKind.Quiz] = PointsRules.Default.QuizDailyCap,
            [LedgerEntryKind.CourseEpisode] = PointsRules.Default.EpisodeDailyCap,
        };
        foreach (var day in entries.Where(e => capped.ContainsKey(e.Kind)).GroupBy(e => (ParkClock.DayOf(e.CreatedAt, ParkClock.DefaultTimeZone), e.Kind)))
        {
            Assert.True(day.Sum(e => e.Amount) <= capped[day.Key.Kind], $"{day.Key} earned {day.Sum(e => e.Amount)}");
        }
    }
}
