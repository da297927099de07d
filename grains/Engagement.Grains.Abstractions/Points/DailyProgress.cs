namespace Engagement;

/// <summary>"Today's points": per activity, what the member earned today and its cap.</summary>
[GenerateSerializer, Immutable, Alias("engagement.DailyProgress")]
public sealed record DailyProgress(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] IReadOnlyList<ActivityProgress> Activities,
    [property: Id(2)] int StreakDays,
    [property: Id(3)] long Balance,
    [property: Id(4)] long EarnedToday);

[GenerateSerializer, Immutable, Alias("engagement.ActivityProgress")]
public sealed record ActivityProgress(
    [property: Id(0)] Activity Activity,
    [property: Id(1)] long Earned,
    [property: Id(2)] long? DailyCap);
