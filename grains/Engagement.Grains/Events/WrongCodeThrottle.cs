namespace Engagement;

/// <summary>
/// Limits guessing: a six-digit code is one in a million, but unlimited tries would find one in minutes. Kept in the
/// activation's memory only — a wrong code changes no durable state.
/// </summary>
internal sealed class WrongCodeThrottle
{
    private readonly Dictionary<string, (int Count, DateTimeOffset Since)> _wrong = new(StringComparer.Ordinal);

    /// <summary>When the member may try again, or null when they may try now.</summary>
    public DateTimeOffset? BlockedUntil(string memberId, DateTimeOffset now) =>
        _wrong.TryGetValue(memberId, out var wrong) && wrong.Count >= EventLimits.MaxWrongCodes && now - wrong.Since < EventLimits.WrongCodeWindow
            ? wrong.Since + EventLimits.WrongCodeWindow
            : null;

    public void Record(string memberId, DateTimeOffset now)
    {
        _wrong[memberId] = _wrong.TryGetValue(memberId, out var wrong) && now - wrong.Since < EventLimits.WrongCodeWindow
            ? (wrong.Count + 1, wrong.Since)
            : (1, now);
    }
}
