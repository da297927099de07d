namespace Engagement;

/// <summary>Scheduling and resolving rule versions, shared by parks and committees.</summary>
internal static class RuleBook
{
    private const int RememberedKeys = 50;

    /// <summary>The version in force at <paramref name="at"/>, or null when none has started yet.</summary>
    public static RuleVersion? InForce(RuleBookState book, DateTimeOffset at) =>
        book.Versions.LastOrDefault(v => v.EffectiveFrom <= at);

    /// <summary>True when this key already scheduled a change (a retry).</summary>
    public static bool IsReplay(RuleBookState book, string idempotencyKey) => book.Keys.ContainsKey(idempotencyKey);

    /// <summary>
    /// Adds a version from <paramref name="effectiveFrom"/> (default now). Past times are refused: a change must not
    /// pretend earlier awards were computed with it. A version at the same instant replaces the earlier one.
    /// </summary>
    public static void Schedule(RuleBookState book, PointsRules? rules, DateTimeOffset? effectiveFrom, DateTimeOffset now, string changedBy, string idempotencyKey)
    {
        var from = effectiveFrom ?? now;
        if (from < now - TimeSpan.FromMinutes(1))
        {
            throw new EngagementException(ErrorKind.InvalidArgument, ErrorReasons.EffectiveTimeInPast,
                "A rule change cannot take effect in the past; earned points are never recomputed.",
                [new FieldViolation("effective_time", "must be now or later")]);
        }

        book.Versions.RemoveAll(v => v.EffectiveFrom == from);
        book.Versions.Add(new RuleVersion(from, rules, changedBy, now));
        book.Versions.Sort((a, b) => a.EffectiveFrom.CompareTo(b.EffectiveFrom));
        book.Keys[idempotencyKey] = from;
        while (book.Keys.Count > RememberedKeys)
        {
            book.Keys.Remove(book.Keys.MinBy(kv => kv.Value).Key);
        }
    }
}
