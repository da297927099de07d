using System.Text.RegularExpressions;

namespace Engagement.Gateway;

/// <summary>Validation of event requests beyond what <see cref="RequestValidator"/> offers.</summary>
public static partial class EventValidation
{
    /// <summary>The six digits of a check-in code.</summary>
    public static RequestValidator CheckInCode(this RequestValidator validator, string field, string value) =>
        CodePattern().IsMatch(value) ? validator : validator.Add(field, "must be the 6 digits shown on the organiser's screen");

    /// <summary>Validates a publish request field by field (every bad one reported) and maps it to the domain.</summary>
    public static EventDraft ToDomain(this V1.PublishEventRequest request, RequestValidator validator)
    {
        string? branchId = request.BranchId.Length > 0 ? request.BranchId : null;
        string? committeeId = request.CommitteeId.Length > 0 ? request.CommitteeId : null;
        if (branchId is not null)
        {
            validator.Id("branch_id", branchId);
        }

        if (committeeId is not null)
        {
            validator.Id("committee_id", committeeId);
        }

        validator.Text("title", request.Title, EventLimits.MaxTitleLength).Text("place", request.Place, EventLimits.MaxPlaceLength);
        var start = validator.Time("start_time", request.StartTime);
        var end = validator.Time("end_time", request.EndTime);
        var draft = new EventDraft(branchId, committeeId, request.Title.Trim(), request.Place.Trim(), start ?? default, end ?? default,
            request.Capacity, request.HasPoints ? request.Points : null, request.Streamed);
        foreach (var violation in draft.Violations().Where(v => v.Field != "end_time" || (start is not null && end is not null)))
        {
            validator.Add(violation.Field, violation.Description);
        }

        return draft;
    }

    [GeneratedRegex("^[0-9]{6}\\z")]
    private static partial Regex CodePattern();
}
