namespace Engagement;

/// <summary>The period a board counts points in, in the park's time zone.</summary>
public enum BoardPeriod
{
    Day = 1,
    Week = 2,
    Month = 3,
    Year = 4,
    All = 5,
}
