namespace Engagement;

/// <summary>How a question is answered; the numbers match <c>engagement.v1.QuestionKind</c> and are stored.</summary>
public enum QuizQuestionKind
{
    /// <summary>Exactly one option is right and exactly one is chosen.</summary>
    SingleChoice = 1,

    /// <summary>One or more options are right; an answer is right only when it chooses exactly those.</summary>
    MultipleChoice = 2,
}
