namespace Engagement.Gateway;

/// <summary>Validation of a new course, every bad field reported with its path (e.g. <c>episodes[2].duration_seconds</c>).</summary>
public static class CourseValidation
{
    /// <summary>Checks the course fields of <paramref name="request"/> and maps them to the domain.</summary>
    public static NewCourse ToDomain(this V1.CreateCourseRequest request, RequestValidator validator)
    {
        validator.Text("title", request.Title, CourseLimits.TitleLength);
        if (request.Description.Length > CourseLimits.DescriptionLength || request.Description.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            validator.Add("description", $"must be at most {CourseLimits.DescriptionLength} characters, without control characters other than line breaks and tabs");
        }

        if (request.Tags.Count > CourseLimits.MaxTags)
        {
            validator.Add("tags", $"must be at most {CourseLimits.MaxTags} tags");
        }

        for (var i = 0; i < request.Tags.Count; i++)
        {
            validator.Text($"tags[{i}]", request.Tags[i], CourseLimits.TagLength);
        }

        if (request.Episodes.Count is 0 or > CourseLimits.MaxEpisodes)
        {
            validator.Add("episodes", $"must hold 1-{CourseLimits.MaxEpisodes} episodes");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Episodes.Count; i++)
        {
            var episode = request.Episodes[i];
            validator.Id($"episodes[{i}].episode_id", episode.EpisodeId)
                .Text($"episodes[{i}].title", episode.Title, CourseLimits.TitleLength)
                .Range($"episodes[{i}].duration_seconds", episode.DurationSeconds, CourseLimits.MinEpisodeSeconds, CourseLimits.MaxEpisodeSeconds);
            if (!seen.Add(episode.EpisodeId))
            {
                validator.Add($"episodes[{i}].episode_id", "is used by an earlier episode of the course");
            }
        }

        return new NewCourse(request.ParkId, request.Title.Trim(), request.Description.Trim(), [.. request.Tags.Select(t => t.Trim())],
            [.. request.Episodes.Select(e => new EpisodeInfo(e.EpisodeId, e.Title.Trim(), e.DurationSeconds))]);
    }
}
