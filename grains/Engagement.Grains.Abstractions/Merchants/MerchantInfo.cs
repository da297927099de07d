namespace Engagement;

[GenerateSerializer, Immutable, Alias("engagement.MerchantInfo")]
public sealed record MerchantInfo(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] string ParkId,
    [property: Id(2)] string Name,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] IReadOnlyList<StaffMember> Staff);

/// <summary>Someone who may serve the counter: the token subject that must also hold <c>merchant-staff:{merchant}</c>.</summary>
[GenerateSerializer, Immutable, Alias("engagement.StaffMember")]
public sealed record StaffMember([property: Id(0)] string Subject, [property: Id(1)] string DisplayName);
