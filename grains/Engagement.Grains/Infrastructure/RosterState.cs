namespace Engagement;

/// <summary>The ids of the children of an organisation unit (committees of a park, branches, members), in order of joining.</summary>
[GenerateSerializer, Alias("engagement.RosterState")]
public sealed class RosterState
{
    [Id(0)]
    public List<string> Ids { get; set; } = [];
}
