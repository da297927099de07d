using System.Globalization;

namespace Engagement;

/// <summary>What a catalogue edit changed, for its audit record: each changed field with its old and new value.</summary>
internal static class CatalogChanges
{
    public static string Describe(ItemSpec before, ItemSpec after)
    {
        var changes = new List<string>();
        Add(changes, "name", Quote(before.Name), Quote(after.Name));
        Add(changes, "cost", Text(before.PointsCost), Text(after.PointsCost));
        Add(changes, "daily limit", Limit(before.PerMemberDailyLimit), Limit(after.PerMemberDailyLimit));
        Add(changes, "total limit", Limit(before.PerMemberTotalLimit), Limit(after.PerMemberTotalLimit));
        Add(changes, "active from", Time(before.ActiveFrom), Time(after.ActiveFrom));
        Add(changes, "active until", Time(before.ActiveUntil), Time(after.ActiveUntil));
        Add(changes, "image", Quote(before.ImageUrl), Quote(after.ImageUrl));
        return changes.Count == 0 ? "nothing changed" : "changed " + string.Join(", ", changes);
    }

    private static void Add(List<string> changes, string field, string before, string after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changes.Add($"{field} {before} → {after}");
        }
    }

    private static string Quote(string text) => $"\"{text}\"";

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Limit(int? limit) => limit is { } value ? value.ToString(CultureInfo.InvariantCulture) : "none";

    private static string Time(DateTimeOffset? at) => at is { } value ? value.ToString("O", CultureInfo.InvariantCulture) : "none";
}
