using Google.Protobuf.WellKnownTypes;

namespace Engagement.Gateway;

/// <summary>Insights records to wire messages.</summary>
public static class InsightsMapping
{
    public static V1.GetMemberProfileStatsResponse ToProto(this MemberProfileStats stats)
    {
        var response = new V1.GetMemberProfileStatsResponse
        {
            MemberId = stats.MemberId,
            FromDay = ProtoMapping.Day(stats.From),
            ToDay = ProtoMapping.Day(stats.To),
            TimeZone = stats.TimeZone,
            Earned = stats.Earned,
            Adjusted = stats.Adjusted,
            Spent = stats.Spent,
            Refunded = stats.Refunded,
            NetChange = stats.NetChange,
            CurrentStreakDays = stats.CurrentStreakDays,
            LongestStreakDays = stats.LongestStreakDays,
            ActiveDays = stats.ActiveDays,
            Quiz = new V1.ProfileQuizAccuracy
            {
                QuizzesTaken = stats.Quiz.QuizzesTaken,
                QuestionsAnswered = stats.Quiz.QuestionsAnswered,
                CorrectAnswers = stats.Quiz.CorrectAnswers,
                Accuracy = stats.Quiz.Ratio,
            },
        };
        response.Days.AddRange(stats.Days.Select(d =>
        {
            var day = new V1.ProfileDay { Day = ProtoMapping.Day(d.Day), Earned = d.Earned, Spent = d.Spent, Refunded = d.Refunded };
            day.Points.AddRange(d.Points.Select(ToProto));
            return day;
        }));
        response.Totals.AddRange(stats.Totals.Select(ToProto));
        response.ActiveHours.AddRange(stats.ActiveHours);
        response.CoursesFinished.AddRange(stats.CoursesFinished.Select(c => new V1.ProfileCourse
        {
            CourseId = c.CourseId,
            Title = c.Title,
            CompleteTime = Timestamp.FromDateTimeOffset(c.CompletedAt),
        }));
        response.EventsAttended.AddRange(stats.EventsAttended.Select(e => new V1.ProfileEvent
        {
            EventId = e.EventId,
            Title = e.Title,
            Mode = (V1.EventAttendanceMode)(int)e.Mode,
            AttendTime = Timestamp.FromDateTimeOffset(e.At),
            PointsAwarded = e.PointsAwarded,
        }));
        response.RankHistory.AddRange(stats.RankHistory.Select(ToProto));
        return response;
    }

    public static V1.GetRecommendationsResponse ToProto(this MemberRecommendations recommendations)
    {
        var response = new V1.GetRecommendationsResponse
        {
            MemberId = recommendations.MemberId,
            Day = ProtoMapping.Day(recommendations.Day),
            BlockedReason = recommendations.BlockedReason ?? "",
        };
        response.Recommendations.AddRange(recommendations.Items.Select(r =>
        {
            var item = new V1.Recommendation
            {
                Kind = (V1.RecommendationKind)(int)r.Kind,
                Title = r.Title,
                ReferenceId = r.ReferenceId,
                EpisodeId = r.EpisodeId ?? "",
                PointsAvailable = r.PointsAvailable,
                StartTime = r.StartsAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            };
            item.MatchingTags.AddRange(r.MatchingTags ?? []);
            return item;
        }));
        return response;
    }

    public static V1.ListInactiveMembersResponse ToProto(this InactiveMembers inactive)
    {
        var response = new V1.ListInactiveMembersResponse
        {
            BranchId = inactive.BranchId,
            InactiveDays = inactive.InactiveDays,
            Today = ProtoMapping.Day(inactive.Today),
            RosterSize = inactive.RosterSize,
        };
        response.Members.AddRange(inactive.Members.Select(m => new V1.InactiveMember
        {
            MemberId = m.MemberId,
            DisplayName = m.DisplayName,
            Phone = m.Phone,
            LastActiveTime = m.LastActiveAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            DaysInactive = m.DaysInactive,
            Verified = m.Verified,
            Active = m.Active,
        }));
        return response;
    }

    private static V1.ProfileKindPoints ToProto(KindPoints points) =>
        new() { Kind = (V1.LedgerEntryKind)(int)points.Kind, Points = points.Points, Entries = points.Entries };

    private static V1.ProfileWeekRank ToProto(WeekRank rank)
    {
        var week = new V1.ProfileWeekRank
        {
            Week = rank.Week,
            FirstDay = ProtoMapping.Day(rank.FirstDay),
            BranchScore = rank.BranchScore,
            BranchTotal = rank.BranchTotal,
            CommitteeScore = rank.CommitteeScore,
            CommitteeTotal = rank.CommitteeTotal,
        };
        if (rank.BranchRank is { } branchRank)
        {
            week.BranchRank = branchRank;
        }

        if (rank.CommitteeRank is { } committeeRank)
        {
            week.CommitteeRank = committeeRank;
        }

        return week;
    }
}
