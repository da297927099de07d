namespace Engagement;

/// <summary>
/// Why one CSV row was not imported. <see cref="Line"/> is the row's record number, from 1: the header and blank lines
/// count, the line breaks inside a quoted field do not (the row number a spreadsheet shows).
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.RowError")]
public sealed record RowError([property: Id(0)] int Line, [property: Id(1)] string Field, [property: Id(2)] string Reason)
{
    /// <summary>The field violation name used when the whole import is rejected, e.g. <c>rows[7].phone</c>.</summary>
    public string FieldPath => $"rows[{Line}].{Field}";
}
