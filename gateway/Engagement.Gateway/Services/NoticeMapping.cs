using Google.Protobuf.WellKnownTypes;

namespace Engagement.Gateway;

public static class NoticeMapping
{
    public static V1.Notice ToProto(this Notice notice, bool read)
    {
        var proto = new V1.Notice
        {
            NoticeId = notice.NoticeId,
            Audience = notice.Audience.ToString().ToUpperInvariant(),
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

    public static NoticeAudience? ParseAudience(this RequestValidator validator, string value)
    {
        if (System.Enum.TryParse<NoticeAudience>(value, ignoreCase: true, out var audience) && System.Enum.IsDefined(audience) && !int.TryParse(value, out _))
        {
            return audience;
        }

        validator.Add("audience", "must be PARK, COMMITTEE or BRANCH");
        return null;
    }
}
