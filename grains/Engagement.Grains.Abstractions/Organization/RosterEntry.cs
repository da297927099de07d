namespace Engagement;

/// <summary>Where a member stands in the back office: unverified, active (verified) or deactivated.</summary>
public enum MemberStanding
{
    Unverified = 1,
    Active = 2,
    Deactivated = 3,
}

/// <summary>One line of a roster: the member's profile and their points balance now.</summary>
[GenerateSerializer, Immutable, Alias("engagement.RosterEntry")]
public sealed record RosterEntry([property: Id(0)] MemberProfile Profile, [property: Id(1)] long Balance)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public MemberStanding Standing => StandingOf(Profile);

    public static MemberStanding StandingOf(MemberProfile profile) =>
        !profile.Active ? MemberStanding.Deactivated : profile.Verified ? MemberStanding.Active : MemberStanding.Unverified;
}

/// <summary>Which members a roster list keeps: one standing (null: all) and the start of the display name (empty: all).</summary>
[GenerateSerializer, Immutable, Alias("engagement.RosterFilter")]
public sealed record RosterFilter([property: Id(0)] MemberStanding? Standing, [property: Id(1)] string NamePrefix)
{
    public bool Keeps(MemberProfile profile) =>
        (Standing is not { } standing || RosterEntry.StandingOf(profile) == standing)
        && profile.DisplayName.StartsWith(NamePrefix, StringComparison.OrdinalIgnoreCase);
}

/// <summary>What a list is over: one branch, one committee (its branches) or one park (every branch of its committees).</summary>
public enum OrganizationScope
{
    Branch = 1,
    Committee = 2,
    Park = 3,
}

/// <summary>One page of a list, and where the next one starts (null: this is the last page).</summary>
[GenerateSerializer, Immutable, Alias("engagement.ListPage`1")]
public sealed record ListPage<T>([property: Id(0)] IReadOnlyList<T> Items, [property: Id(1)] string? NextCursor);
