namespace Engagement;

/// <summary>Scheduling and resolving rule versions, shared by parks and committees.</summary>
internal static class RuleBook
{
    /// <summary>The version in force at <paramref name="at"/>, or null when none has started yet.</summary>
    public static RuleVersion? InForce(RuleBookState book, DateTimeOffset at) =>
        book.Versions.LastOrDefault(v => v.EffectiveFrom <= at);

    /// <summary>
    /// The version <paramref name="idempotencyKey"/> scheduled, or a new one scheduled now (the caller saves the book).
    /// A key replayed with other rules or another effective time is refused.
    /// </summary>
    public static async Task<(RuleVersion Version, bool Replayed)> ScheduleOnceAsync(RuleBookState book, Idempotency<RuleVersion> changes,
        PointsRules? rules, DateTimeOffset? effectiveFrom, DateTimeOffset now, string changedBy, string idempotencyKey)
    {
        if (book.Keys.Count > 0)
        {
            changes.Adopt(book.Keys.Select(k => (k.Key, book.Versions.FirstOrDefault(v => v.EffectiveFrom == k.Value))));
            book.Keys.Clear();
        }

        var request = RequestHash.Of(rules, effectiveFrom);
        if (await changes.FindAsync(idempotencyKey, request) is { Result: { } first })
        {
            return (first, true);
        }

        var version = Schedule(book, rules, effectiveFrom, now, changedBy);
        await changes.RecordAsync(idempotencyKey, request, version);
        return (version, false);
    }

    /// <summary>
    /// Adds a version from <paramref name="effectiveFrom"/> (default now). Past times are refused: a change must not
    /// pretend earlier awards were computed with it. A version at the same instant replaces the earlier one.
    /// </summary>
    private static RuleVersion Schedule(RuleBookState book, PointsRules? rules, DateTimeOffset? effectiveFrom, DateTimeOffset now, string changedBy)
    {
        var from = effectiveFrom ?? now;
        if (from < now - TimeSpan.FromMinutes(1))
        {
            throw new EngagementException(ErrorKind.InvalidArgument, ErrorReasons.EffectiveTimeInPast,
                "A rule change cannot take effect in the past; earned points are never recomputed.",
                [new FieldViolation("effective_time", "must be now or later")]);
        }

        book.Versions.RemoveAll(v => v.EffectiveFrom == from);
        var version = new RuleVersion(from, rules, changedBy, now);
        book.Versions.Add(version);
        book.Versions.Sort((a, b) => a.EffectiveFrom.CompareTo(b.EffectiveFrom));
        return version;
    }
}
