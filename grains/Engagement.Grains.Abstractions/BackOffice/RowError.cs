namespace Engagement;

/// <summary>Why one CSV row was not imported. <see cref="Line"/> counts from 1 (a header line counts too).</summary>
[GenerateSerializer, Immutable, Alias("engagement.RowError")]
public sealed record RowError([property: Id(0)] int Line, [property: Id(1)] string Field, [property: Id(2)] string Reason)
{
    /// <summary>The field violation name used when the whole import is rejected, e.g. <c>rows[7].phone</c>.</summary>
    public string FieldPath => $"rows[{Line}].{Field}";
}
