namespace Engagement;

/// <summary>
/// What an organiser publishes. Exactly one of <see cref="BranchId"/> (a branch event) and <see cref="CommitteeId"/>
/// (a committee event, open to every branch of the committee) is set. <see cref="Points"/> null means the rules'
/// default on-site points at publish time.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.EventDraft")]
public sealed record EventDraft(
    [property: Id(0)] string? BranchId,
    [property: Id(1)] string? CommitteeId,
    [property: Id(2)] string Title,
    [property: Id(3)] string Place,
    [property: Id(4)] DateTimeOffset StartsAt,
    [property: Id(5)] DateTimeOffset EndsAt,
    [property: Id(6)] int Capacity,
    [property: Id(7)] long? Points,
    [property: Id(8)] bool Streamed)
{
    /// <summary>Every rule of <see cref="EventLimits"/> the draft breaks, named by its .proto field.</summary>
    public IReadOnlyList<FieldViolation> Violations()
    {
        var violations = new List<FieldViolation>();
        if ((BranchId is null) == (CommitteeId is null))
        {
            violations.Add(new FieldViolation("branch_id", "exactly one of branch_id and committee_id must be set"));
        }

        if (EndsAt <= StartsAt)
        {
            violations.Add(new FieldViolation("end_time", "must be after start_time"));
        }
        else if (EndsAt - StartsAt > EventLimits.MaxDuration)
        {
            violations.Add(new FieldViolation("end_time", $"must be at most {EventLimits.MaxDuration.TotalDays} days after start_time"));
        }

        if (Capacity is < 1 or > EventLimits.MaxCapacity)
        {
            violations.Add(new FieldViolation("capacity", $"must be between 1 and {EventLimits.MaxCapacity}"));
        }

        if (Points is < 0 or > EventLimits.MaxPoints)
        {
            violations.Add(new FieldViolation("points", $"must be between 0 and {EventLimits.MaxPoints}"));
        }

        return violations;
    }
}
