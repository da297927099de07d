namespace Engagement.EndToEnd;

/// <summary>
/// Member grains are most of a node's activations; idle ones are put away after their own, shorter collection age
/// (what keeps a node of 100,000 members within its memory), and come back with everything they had.
/// </summary>
public sealed class MemberCollectionTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task IdleMembersArePutAwayBeforeOtherGrainsAndComeBackWithTheirLedgersAndRanks()
    {
        var directory = Directory.CreateTempSubdirectory("engagement-member-collection-").FullName;
        var node = await TestNode.StartAsync(directory, extraArgs: ["--Engagement:Members:CollectionAge=00:00:03", "--Engagement:Grains:CollectionQuantum=00:00:01"]);
        try
        {
            var flow = await LiveFlow.SeedAsync(node.Channel, node.Key);
            await flow.AwardAsync(() => node.Channel, node.Key, 10);
            var ledgers = await flow.LedgersAsync(node.Channel, node.Key);
            await flow.BoardsEqualLedgersAsync(node.Channel, node.Key, Deadline);

            await Eventually.SucceedsAsync(async () =>
            {
                var members = await BoardResumeTests.ActivationsAsync(node, BoardResumeTests.IsMember);
                return members == 0 ? true : throw new InvalidOperationException($"{members} member grains active");
            }, Deadline, "idle members collected");
            var boardsStillActive = await BoardResumeTests.ActivationsAsync(node, t => t.Contains("Leaderboard", StringComparison.Ordinal));

            Assert.True(boardsStillActive > 0, "boards keep the node's 15-minute collection age");
            Assert.Equal(Totals(ledgers), Totals(await flow.LedgersAsync(node.Channel, node.Key)));
            await flow.BoardsEqualLedgersAsync(node.Channel, node.Key, Deadline);
        }
        finally
        {
            await node.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static List<(string Member, int Entries, long Sum)> Totals(Dictionary<string, List<V1.LedgerEntry>> ledgers) =>
        [.. ledgers.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => (l.Key, l.Value.Count, l.Value.Sum(e => e.Amount)))];
}
