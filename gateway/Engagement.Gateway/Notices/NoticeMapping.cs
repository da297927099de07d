using Google.Protobuf.WellKnownTypes;

namespace Engagement.Gateway;

public static class NoticeMapping
{
    public static V1.Notice ToProto(this Notice notice, bool read)
    {
        var proto = new V1.Notice
        {
            NoticeId = notice.NoticeId,
            Audience = (V1.NoticeAudience)(int)notice.Audience,
            AudienceId = notice.AudienceId,
            Title = notice.Title,
            Body = notice.Body,
            PublishedBy = notice.PublishedBy,
            PublishTime = Timestamp.FromDateTimeOffset(notice.PublishedAt),
            Read = read,
        };
        proto.ImageUrls.AddRange(notice.ImageUrls);
        return proto;
    }

    /// <summary>The domain audience of a proto one (the two enums share their numbers); a violation when unspecified or unknown.</summary>
    public static NoticeAudience? ParseAudience(this RequestValidator validator, V1.NoticeAudience value)
    {
        if (value != V1.NoticeAudience.Unspecified && System.Enum.IsDefined((NoticeAudience)(int)value))
        {
            return (NoticeAudience)(int)value;
        }

        validator.Add("audience", "must be NOTICE_AUDIENCE_PARK, NOTICE_AUDIENCE_COMMITTEE or NOTICE_AUDIENCE_BRANCH");
        return null;
    }
}
