namespace Engagement;

public static partial class ErrorReasons
{
    public const string InsufficientPoints = "INSUFFICIENT_POINTS";
    public const string EffectiveTimeInPast = "EFFECTIVE_TIME_IN_PAST";
    public const string NoHold = "NO_HOLD";
}
