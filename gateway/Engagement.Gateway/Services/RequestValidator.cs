using System.Text.RegularExpressions;

namespace Engagement.Gateway;

/// <summary>Collects every bad field of a request, then fails once with all of them (InvalidArgument + BadRequest).</summary>
public sealed partial class RequestValidator
{
    public const int MaxIdempotencyKeyLength = 128;

    private readonly List<FieldViolation> _violations = [];

    /// <summary>A client-chosen id: lower-case letters, digits, '-' and '_', 1..64 characters.</summary>
    public RequestValidator Id(string field, string value)
    {
        if (!IdPattern().IsMatch(value))
        {
            Add(field, "must be 1-64 characters of a-z, 0-9, '-' or '_', starting with a letter or digit");
        }

        return this;
    }

    /// <summary>A notice id as the service issues it: <c>{park|committee|branch}:{id}/{sequence}</c>.</summary>
    public RequestValidator NoticeId(string field, string value)
    {
        if (!NoticeIdPattern().IsMatch(value))
        {
            Add(field, "is not a notice id this service issued");
        }

        return this;
    }

    public RequestValidator IdempotencyKey(string value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxIdempotencyKeyLength || value.Any(char.IsControl))
        {
            Add("idempotency_key", $"is required: a unique key per write, at most {MaxIdempotencyKeyLength} printable characters");
        }

        return this;
    }

    /// <summary>A human text (Chinese or not): required, at most <paramref name="maxLength"/> characters, no control characters.</summary>
    public RequestValidator Text(string field, string value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > maxLength || value.Any(char.IsControl))
        {
            Add(field, $"is required, at most {maxLength} characters, without control characters");
        }

        return this;
    }

    public RequestValidator Phone(string field, string value)
    {
        if (value.Length > 0 && !PhonePattern().IsMatch(value))
        {
            Add(field, "must be digits, optionally starting with '+', 5-20 digits");
        }

        return this;
    }

    public RequestValidator TimeZone(string field, string value)
    {
        if (ParkClock.TryResolve(value) is null)
        {
            Add(field, "must be an IANA time zone such as Asia/Shanghai");
        }

        return this;
    }

    public RequestValidator Range(string field, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            Add(field, $"must be between {min} and {max}");
        }

        return this;
    }

    /// <summary>A valid timestamp: null with a violation when it is missing (if required) or out of range.</summary>
    public DateTimeOffset? Time(string field, Google.Protobuf.WellKnownTypes.Timestamp? value, bool required = true)
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, "is required");
            }

            return null;
        }

        try
        {
            return value.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            Add(field, "must be a time from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z, with nanos from 0 to 999999999");
            return null;
        }
    }

    public RequestValidator Required(string field, object? value)
    {
        if (value is null)
        {
            Add(field, "is required");
        }

        return this;
    }

    public RequestValidator Add(string field, string description)
    {
        _violations.Add(new FieldViolation(field, description));
        return this;
    }

    public void ThrowIfInvalid()
    {
        if (_violations.Count > 0)
        {
            throw EngagementException.InvalidArgument(_violations);
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}\\z")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\+?[0-9]{5,20}\z")]
    private static partial Regex PhonePattern();

    [GeneratedRegex("^(park|committee|branch):[a-z0-9][a-z0-9_-]{0,63}/[1-9][0-9]{0,18}\\z")]
    private static partial Regex NoticeIdPattern();
}
