namespace Engagement;

[GenerateSerializer, Immutable, Alias("engagement.MemberRegistration")]
public sealed record MemberRegistration(
    [property: Id(0)] string BranchId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Phone,
    [property: Id(3)] string Company = "",
    [property: Id(4)] DateOnly? JoinDate = null);
