using System.Text;

namespace Engagement.Gateway;

/// <summary>What the CSV endpoints (HTTP port) share: the caller from the bearer token, errors as problem details with their reason, quoting.</summary>
public static class CsvResults
{
    public static async Task<IResult> RunAsync(HttpContext http, Func<Caller, Task<string>> produce)
    {
        try
        {
            var csv = await produce(CallerAccessor.FromPrincipal(http.User));
            return Results.Text(csv, "text/csv; charset=utf-8", Encoding.UTF8);
        }
        catch (EngagementException e)
        {
            return Results.Problem(e.Message, statusCode: e.Kind switch
            {
                ErrorKind.Unauthenticated => StatusCodes.Status401Unauthorized,
                ErrorKind.PermissionDenied => StatusCodes.Status403Forbidden,
                ErrorKind.NotFound => StatusCodes.Status404NotFound,
                _ => StatusCodes.Status400BadRequest,
            }, extensions: new Dictionary<string, object?> { ["reason"] = e.Reason });
        }
    }

    /// <summary>A field quoted when it holds a comma, quote or line break.</summary>
    public static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
