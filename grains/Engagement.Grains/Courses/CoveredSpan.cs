namespace Engagement;

/// <summary>Seconds [Start, End) of an episode a member covered at an acceptable speed.</summary>
[GenerateSerializer, Immutable, Alias("engagement.CoveredSpan")]
public sealed record CoveredSpan([property: Id(0)] int Start, [property: Id(1)] int End)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public int Length => End - Start;
}
