namespace Engagement;

/// <summary>
/// The name a board shows for a member: their display name (never the phone, company or anything else private), with
/// the version of it (how many times it was changed). A board keeps the newest version it has seen, so a rename that
/// overtakes an older award's event is not undone by it.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.MemberName")]
public sealed record MemberName([property: Id(0)] string DisplayName, [property: Id(1)] long Version);

/// <summary>For boards reconciling with a member: the newest ranked ledger sequence and the name to show (null: no such member).</summary>
[GenerateSerializer, Immutable, Alias("engagement.RankedTail")]
public sealed record RankedTail([property: Id(0)] long Sequence, [property: Id(1)] MemberName? Name);
