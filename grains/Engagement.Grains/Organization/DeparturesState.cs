namespace Engagement;

/// <summary>Who left a branch and when (transfers away), the newest <see cref="Kept"/>, so reconciles still find them.</summary>
[GenerateSerializer, Alias("engagement.DeparturesState")]
public sealed class DeparturesState
{
    public const int Kept = 2000;

    [Id(0)]
    public List<Departure> Departures { get; set; } = [];

    public void Record(string memberId, DateTimeOffset at)
    {
        Departures.Add(new Departure(memberId, at));
        if (Departures.Count > Kept)
        {
            Departures.RemoveAt(0);
        }
    }

    public IEnumerable<string> Since(DateTimeOffset since) => Departures.Where(d => d.At >= since).Select(d => d.MemberId);
}

[GenerateSerializer, Immutable, Alias("engagement.Departure")]
public sealed record Departure([property: Id(0)] string MemberId, [property: Id(1)] DateTimeOffset At);
