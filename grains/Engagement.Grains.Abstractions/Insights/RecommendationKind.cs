namespace Engagement;

/// <summary>What a recommendation asks the member to do.</summary>
public enum RecommendationKind
{
    /// <summary>Today's check-in is not done.</summary>
    CheckIn = 1,

    /// <summary>Today's quiz is not submitted.</summary>
    DailyQuiz = 2,

    /// <summary>The next unfinished episode of a course (episode points still under today's cap).</summary>
    CourseEpisode = 3,

    /// <summary>An upcoming event with seats that the member has not RSVP'd.</summary>
    Event = 4,

    /// <summary>A course on the topics of recently missed quiz questions.</summary>
    ReviewCourse = 5,
}
