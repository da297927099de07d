using Google.Protobuf.WellKnownTypes;

namespace Engagement.Gateway;

/// <summary>Domain records to wire messages. gRPC types stop here: grains never see them.</summary>
public static class ProtoMapping
{
    public static V1.Park ToProto(this ParkInfo park) => new()
    {
        ParkId = park.ParkId,
        Name = park.Name,
        TimeZone = park.TimeZone,
        CreateTime = Timestamp.FromDateTimeOffset(park.CreatedAt),
    };

    public static V1.Committee ToProto(this CommitteeInfo committee) => new()
    {
        CommitteeId = committee.CommitteeId,
        ParkId = committee.ParkId,
        Name = committee.Name,
        CreateTime = Timestamp.FromDateTimeOffset(committee.CreatedAt),
    };

    public static V1.Branch ToProto(this BranchInfo branch) => new()
    {
        BranchId = branch.BranchId,
        CommitteeId = branch.CommitteeId,
        ParkId = branch.ParkId,
        Name = branch.Name,
        CreateTime = Timestamp.FromDateTimeOffset(branch.CreatedAt),
    };

    public static V1.Member ToProto(this MemberProfile member) => new()
    {
        MemberId = member.MemberId,
        BranchId = member.BranchId,
        CommitteeId = member.CommitteeId,
        ParkId = member.ParkId,
        DisplayName = member.DisplayName,
        Phone = member.Phone,
        Verified = member.Verified,
        RegisterTime = Timestamp.FromDateTimeOffset(member.RegisteredAt),
        VerifyTime = member.VerifiedAt is { } verified ? Timestamp.FromDateTimeOffset(verified) : null,
    };

    public static V1.LedgerEntry ToProto(this LedgerEntry entry) => new()
    {
        EntryId = entry.EntryId,
        MemberId = entry.MemberId,
        Sequence = entry.Sequence,
        Amount = entry.Amount,
        Kind = (V1.LedgerEntryKind)(int)entry.Kind,
        Reference = entry.Reference,
        IdempotencyKey = entry.IdempotencyKey,
        CreateTime = Timestamp.FromDateTimeOffset(entry.CreatedAt),
        BalanceAfter = entry.BalanceAfter,
    };

    public static V1.CheckInResponse ToProto(this CheckInResult result) => new()
    {
        Day = result.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        PointsAwarded = result.PointsAwarded,
        Entry = result.Entry.ToProto(),
        Balance = result.Balance,
        StreakDays = result.StreakDays,
        AlreadyCheckedIn = result.AlreadyCheckedIn,
    };
}
