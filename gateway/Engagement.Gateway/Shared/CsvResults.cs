namespace Engagement.Gateway;

/// <summary>What the CSV endpoints (HTTP port) share: the caller from the bearer token, the file (written by <see cref="CsvExport"/>), errors as problem details with their reason.</summary>
public static class CsvResults
{
    public static async Task<IResult> RunAsync(HttpContext http, Func<Caller, Task<byte[]>> produce)
    {
        try
        {
            var csv = await produce(CallerAccessor.FromPrincipal(http.User));
            return Results.Bytes(csv, "text/csv; charset=utf-8");
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
}
