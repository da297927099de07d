using Google.Protobuf.WellKnownTypes;

namespace Engagement.Gateway;

/// <summary>Ledger entries, check-ins, awards, daily progress and ledger checks on the wire.</summary>
public static class PointsMapping
{
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
        Day = ProtoMapping.Day(result.Day),
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
            Day = ProtoMapping.Day(progress.Day),
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
}
