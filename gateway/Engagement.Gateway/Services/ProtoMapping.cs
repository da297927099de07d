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
        Company = member.Company,
        JoinDate = member.JoinDate is { } joined ? Day(joined) : "",
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
        JoinDate = entry.Profile.JoinDate is { } joined ? Day(joined) : "",
        RegisterTime = Timestamp.FromDateTimeOffset(entry.Profile.RegisteredAt),
        PointsBalance = entry.Balance,
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
        Day = Day(result.Day),
        PointsAwarded = result.PointsAwarded,
        Entry = result.Entry?.ToProto(),
        Balance = result.Balance,
        StreakDays = result.StreakDays,
        AlreadyCheckedIn = result.AlreadyCheckedIn,
        StreakBonusEntry = result.StreakBonusEntry?.ToProto(),
    };

    public static V1.AwardOutcome ToProto(this AwardResult result)
    {
        var outcome = new V1.AwardOutcome
        {
            PointsRequested = result.PointsRequested,
            PointsAwarded = result.PointsAwarded,
            Entry = result.Entry?.ToProto(),
            Balance = result.Balance,
            EarnedToday = result.EarnedToday,
        };
        if (result.DailyCap is { } cap)
        {
            outcome.DailyCap = cap;
        }

        return outcome;
    }

    public static V1.GetDailyProgressResponse ToProto(this DailyProgress progress)
    {
        var response = new V1.GetDailyProgressResponse
        {
            Day = Day(progress.Day),
            StreakDays = progress.StreakDays,
            Balance = progress.Balance,
            EarnedToday = progress.EarnedToday,
        };
        foreach (var activity in progress.Activities)
        {
            var item = new V1.ActivityProgress { Activity = (V1.Activity)(int)activity.Activity, Earned = activity.Earned };
            if (activity.DailyCap is { } cap)
            {
                item.DailyCap = cap;
            }

            response.Activities.Add(item);
        }

        return response;
    }

    public static V1.CheckLedgerConsistencyResponse ToProto(this ConsistencyReport report)
    {
        var response = new V1.CheckLedgerConsistencyResponse
        {
            ParkId = report.ParkId,
            MembersChecked = report.MembersChecked,
            EntriesChecked = report.EntriesChecked,
            CheckTime = Timestamp.FromDateTimeOffset(report.CheckedAt),
        };
        response.Differences.AddRange(report.Differences.Select(d => new V1.LedgerDifference
        {
            MemberId = d.MemberId,
            Balance = d.Balance,
            LedgerSum = d.LedgerSum,
            Entries = d.Entries,
            Problem = d.Problem ?? "",
        }));
        return response;
    }

    public static V1.AuditRecord ToProto(this AuditRecord record) => new()
    {
        Time = Timestamp.FromDateTimeOffset(record.At),
        Actor = record.Actor,
        Action = record.Action,
        Target = record.Target,
        Details = record.Details,
        BranchId = record.BranchId ?? "",
    };

    /// <summary>A park-local day as the API writes it.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
