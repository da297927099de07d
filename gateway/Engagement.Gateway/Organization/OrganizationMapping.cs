using Google.Protobuf.WellKnownTypes;

namespace Engagement.Gateway;

/// <summary>Parks, committees, branches and members on the wire.</summary>
public static class OrganizationMapping
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
        Company = member.Company,
        JoinDate = member.JoinDate is { } joined ? ProtoMapping.Day(joined) : "",
        Active = member.Active,
        DeactivateTime = member.DeactivatedAt is { } off ? Timestamp.FromDateTimeOffset(off) : null,
        TransferTime = member.TransferredAt is { } moved ? Timestamp.FromDateTimeOffset(moved) : null,
    };

    public static V1.MemberSummary ToProto(this RosterEntry entry) => new()
    {
        MemberId = entry.Profile.MemberId,
        DisplayName = entry.Profile.DisplayName,
        BranchId = entry.Profile.BranchId,
        CommitteeId = entry.Profile.CommitteeId,
        Status = (V1.MemberStatus)(int)entry.Standing,
        Verified = entry.Profile.Verified,
        JoinDate = entry.Profile.JoinDate is { } joined ? ProtoMapping.Day(joined) : "",
        RegisterTime = Timestamp.FromDateTimeOffset(entry.Profile.RegisteredAt),
        PointsBalance = entry.Balance,
    };
}
