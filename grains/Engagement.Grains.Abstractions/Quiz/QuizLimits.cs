namespace Engagement;

/// <summary>The sizes the daily quiz keeps to (docs/quiz.md explains each).</summary>
public static class QuizLimits
{
    /// <summary>Questions in a day's set (fewer when the bank is smaller).</summary>
    public const int QuestionsPerDay = 5;

    /// <summary>A bank is one state row; this keeps the row and a draw over it small.</summary>
    public const int MaxBankSize = 2000;

    /// <summary>Questions per import call; larger files are split into several calls.</summary>
    public const int MaxBatch = 500;

    public const int MinOptions = 2;

    public const int MaxOptions = 8;

    public const int MaxStemLength = 500;

    public const int MaxOptionLength = 200;

    public const int MaxExplanationLength = 1000;

    public const int MaxTags = 10;

    public const int MaxTagLength = 32;
}
