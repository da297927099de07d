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
}
