namespace Engagement;

/// <summary>
/// The clock of the domain (days, streaks, expiry). Separate from the <see cref="TimeProvider"/> Orleans itself
/// uses, so tests can move days forward without moving the runtime's timers and membership probes.
/// </summary>
public sealed class DomainClock(TimeProvider time)
{
    public static DomainClock System { get; } = new(TimeProvider.System);

    public DateTimeOffset UtcNow => time.GetUtcNow();
}
