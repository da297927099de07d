namespace Engagement;

/// <summary>
/// A member's next things worth doing on <see cref="Day"/> (park-local). When the member cannot earn
/// (<see cref="BlockedReason"/> is MEMBER_DEACTIVATED or MEMBER_NOT_VERIFIED) the list is empty.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.MemberRecommendations")]
public sealed record MemberRecommendations(
    [property: Id(0)] string MemberId,
    [property: Id(1)] DateOnly Day,
    [property: Id(2)] string? BlockedReason,
    [property: Id(3)] IReadOnlyList<Recommendation> Items);
