using System.Reflection;
using Engagement.V1;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Storage;

namespace Engagement.EndToEnd;

/// <summary>
/// Whatever the node stores is read back: every grain-state row is one of our own states (no runtime bookkeeping is
/// persisted) and reads with the node's serializer, and reminders written before a stop fire after the restart.
/// </summary>
public sealed class StoredStateTests
{
    /// <summary>States a grain reads and writes through the storage directly rather than as a [PersistentState].</summary>
    private static readonly Dictionary<string, Type> DirectStates = new(StringComparer.Ordinal)
    {
        ["event-attendees"] = typeof(AttendeeShardState),
    };

    [Fact]
    public async Task EveryStoredRowIsOurOwnStateAndReadsBackAndRemindersFireAfterARestart()
    {
        var directory = Directory.CreateTempSubdirectory("engagement-stored-").FullName;
        var start = new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
        var node = await TestNode.StartAsync(directory, new FakeTimeProvider(start));
        try
        {
            var flow = await LiveFlow.SeedAsync(node.Channel, node.Key);
            await flow.AwardAsync(() => node.Channel, node.Key, 10);
            using (var watch = flow.Watch(node.Channel, node.Key, LeaderboardScope.ParkMembers, LeaderboardPeriod.All))
            {
                await watch.ShowsAsync(await flow.LedgersAsync(node.Channel, node.Key), LeaderboardPeriod.All, TimeSpan.FromSeconds(15));
            }

            var counter = await Counter.OpenAsync(flow.Seed);
            var (_, customer) = await counter.CustomerAsync(100);
            var pending = await counter.StartAsync(customer);
            await flow.Seed.Secretary.Notices.PublishNoticeAsync(new PublishNoticeRequest
            {
                Audience = V1.NoticeAudience.Branch, AudienceId = flow.Seed.Branch, Title = "通知", Body = "正文", IdempotencyKey = "n-1",
            });

            // A graceful stop writes out what is held in memory (boards, feeds); the clock then passes the code's lifetime.
            await node.DisposeAsync();
            node = await TestNode.StartAsync(directory, new FakeTimeProvider(start.AddMinutes(11)));
            var member = Seed.Reattach(flow.Seed, node.Channel, node.Key).As(pending.MemberId, new RoleGrant(Role.Member, pending.MemberId));
            await Eventually.SucceedsAsync(async () =>
            {
                var redemption = (await member.Redemptions.GetRedemptionAsync(new GetRedemptionRequest { RedemptionId = pending.RedemptionId })).Redemption;
                return redemption.Status == V1.RedemptionStatus.Expired ? true : throw new InvalidOperationException(redemption.Status.ToString());
            }, TimeSpan.FromSeconds(30), "the expiry reminder written before the stop firing after it");

            var states = StateTypes();
            var serializer = node.App.Services.GetRequiredService<IGrainStorageSerializer>();
            var deserialize = typeof(IGrainStorageSerializer).GetMethod(nameof(IGrainStorageSerializer.Deserialize))!;
            var rows = 0;
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "engagement.db")};Mode=ReadOnly");
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT state_name, payload FROM orleans_grain_state WHERE payload IS NOT NULL";
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                var name = reader.GetString(0);
                Assert.True(states.TryGetValue(name, out var type), $"'{name}' is stored but is none of our states");
                var state = deserialize.MakeGenericMethod(type).Invoke(serializer, [new BinaryData((byte[])reader[1])]);
                Assert.NotNull(state);
                seen.Add(name);
                rows++;
            }

            Assert.True(rows > 0);
            Assert.Subset(seen, new HashSet<string>(["member", "leaderboard", "redemption", "notice-board"]));
        }
        finally
        {
            await node.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Every state name our grains use, with its type: [PersistentState] parameters of grain constructors, and direct ones.</summary>
    private static Dictionary<string, Type> StateTypes()
    {
        var states = new Dictionary<string, Type>(DirectStates, StringComparer.Ordinal);
        foreach (var grain in typeof(DomainClock).Assembly.GetTypes().Where(t => typeof(Grain).IsAssignableFrom(t)))
        {
            foreach (var parameter in grain.GetConstructors().SelectMany(c => c.GetParameters()))
            {
                if (parameter.GetCustomAttribute<PersistentStateAttribute>() is { } attribute)
                {
                    states[attribute.StateName] = parameter.ParameterType.GetGenericArguments()[0];
                }
            }
        }

        return states;
    }
}
