using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Engagement.EndToEnd;

/// <summary>
/// Our SQL texts against the real Orleans ADO.NET provider: a write is acknowledged with a new version, a stale
/// version is refused with InconsistentStateException (so no write is silently lost), and clear really clears.
/// </summary>
public static class StorageContract
{
    public sealed class Probe
    {
        public string? Text { get; set; }

        public List<long> Numbers { get; set; } = [];
    }

    public static async Task VerifyAsync(IServiceProvider services)
    {
        var storage = services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);
        var grain = GrainId.Create("storage-probe", Guid.NewGuid().ToString("N"));
        var writer = new GrainState<Probe>(new Probe { Text = "第一", Numbers = [1, 2] });

        await storage.WriteStateAsync("probe", grain, writer);
        var firstVersion = writer.ETag;
        writer.State!.Text = "第二";
        await storage.WriteStateAsync("probe", grain, writer);
        var reader = new GrainState<Probe>();
        await storage.ReadStateAsync("probe", grain, reader);

        Assert.NotNull(firstVersion);
        Assert.NotEqual(firstVersion, writer.ETag);
        Assert.Equal("第二", reader.State!.Text);
        Assert.Equal([1, 2], reader.State!.Numbers);
        Assert.Equal(writer.ETag, reader.ETag);
        Assert.True(reader.RecordExists);

        var stale = new GrainState<Probe>(new Probe { Text = "lost update" }) { ETag = firstVersion };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("probe", grain, stale));
        var blind = new GrainState<Probe>(new Probe { Text = "blind first write" });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("probe", grain, blind));
        var otherName = new GrainState<Probe>(new Probe { Text = "another state name" });
        await storage.WriteStateAsync("other-probe", grain, otherName);

        await storage.ReadStateAsync("probe", grain, reader);
        Assert.Equal("第二", reader.State!.Text);

        await storage.ClearStateAsync("probe", grain, reader);
        var afterClear = new GrainState<Probe>();
        await storage.ReadStateAsync("probe", grain, afterClear);
        Assert.Null(afterClear.State?.Text);
        var untouched = new GrainState<Probe>();
        await storage.ReadStateAsync("other-probe", grain, untouched);
        Assert.Equal("another state name", untouched.State!.Text);
    }

    /// <summary>
    /// Group commit: 300 grains written at once through <paramref name="first"/> are each acknowledged with their own
    /// version; then eight writers of one grain race with the same ETag, half through each instance (two silos), while
    /// the other grains are written again: exactly one racer wins, and the losers' conflicts fail nobody else's write.
    /// <paramref name="second"/> (another store instance, nothing cached) reads back exactly what was acknowledged.
    /// </summary>
    public static async Task VerifyGroupCommitAsync(IGrainStorage first, IGrainStorage second)
    {
        var grains = Enumerable.Range(0, 300).Select(i => GrainId.Create("storage-probe", $"{Guid.NewGuid():N}-{i}")).ToList();
        var states = grains.Select((_, i) => new GrainState<Probe>(new Probe { Text = $"成员{i}", Numbers = [i] })).ToList();

        await Task.WhenAll(grains.Select((grain, i) => first.WriteStateAsync("probe", grain, states[i])));
        var firstVersions = states.Select(s => s.ETag).ToList();
        var shared = grains[0];
        var racers = Enumerable.Range(0, 8).Select(i => new GrainState<Probe>(new Probe { Text = $"racer {i}" }) { ETag = states[0].ETag }).ToList();
        var race = Task.WhenAll(racers.Select(async (racer, i) =>
        {
            try
            {
                await (i % 2 == 0 ? first : second).WriteStateAsync("probe", shared, racer);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));
        var rewrites = Task.WhenAll(grains.Skip(1).Select((grain, i) =>
        {
            states[i + 1].State!.Text = $"成员{i + 1} again";
            return first.WriteStateAsync("probe", grain, states[i + 1]);
        }));
        var outcomes = await race;
        await rewrites;
        var readBack = await Task.WhenAll(grains.Select(async grain =>
        {
            var state = new GrainState<Probe>();
            await second.ReadStateAsync("probe", grain, state);
            return state;
        }));

        Assert.All(firstVersions, Assert.NotNull);
        Assert.Single(outcomes, won => won);
        var winner = racers[Array.IndexOf(outcomes, true)];
        Assert.Equal(winner.State!.Text, readBack[0].State!.Text);
        Assert.Equal(winner.ETag, readBack[0].ETag);
        Assert.All(readBack.Skip(1).Select((state, i) => (state, i: i + 1)), x =>
        {
            Assert.True(x.state.RecordExists);
            Assert.Equal($"成员{x.i} again", x.state.State!.Text);
            Assert.Equal([x.i], x.state.State.Numbers);
            Assert.Equal(states[x.i].ETag, x.state.ETag);
            Assert.NotEqual(firstVersions[x.i], x.state.ETag);
        });
    }
}
