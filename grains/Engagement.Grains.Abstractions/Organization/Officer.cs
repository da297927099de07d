namespace Engagement;

/// <summary>
/// An office held in a park: secretary of a branch, leader of a committee or admin of the park, held by the person
/// who signs in as <see cref="Subject"/> (the <c>sub</c> of their token).
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.Officer")]
public sealed record Officer(
    [property: Id(0)] string Subject,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] RoleGrant Grant,
    [property: Id(3)] string ParkId,
    [property: Id(4)] string AppointedBy,
    [property: Id(5)] DateTimeOffset AppointedAt);

/// <summary>Every office of the deployment at one <see cref="Version"/> (the gateways keep a copy).</summary>
[GenerateSerializer, Immutable, Alias("engagement.OfficerList")]
public sealed record OfficerList([property: Id(0)] long Version, [property: Id(1)] IReadOnlyList<Officer> Officers);
