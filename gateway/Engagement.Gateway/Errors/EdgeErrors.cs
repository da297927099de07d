using System.Text;
using Google.Protobuf;
using Google.Rpc;

namespace Engagement.Gateway;

/// <summary>
/// Writes a refusal made before any gRPC service runs (authentication, rate limits) in the shape the caller speaks:
/// a trailers-only gRPC status with its <c>grpc-status-details-bin</c> for gRPC and gRPC-Web, the proto3 JSON status
/// with the HTTP code the transcoder would use for the JSON routes, so every client sees the same ErrorInfo as from
/// a service.
/// </summary>
public static class EdgeErrors
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithTypeRegistry(
        Google.Protobuf.Reflection.TypeRegistry.FromMessages(ErrorInfo.Descriptor, RetryInfo.Descriptor, BadRequest.Descriptor)));

    public static async Task WriteAsync(HttpContext http, EngagementException refusal)
    {
        var status = ExceptionMapper.ToStatus(refusal);
        var response = http.Response;
        if (refusal.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (http.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = status.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers["grpc-message"] = Uri.EscapeDataString(status.Message);
            response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
            return;
        }

        response.StatusCode = HttpStatusOf((Grpc.Core.StatusCode)status.Code);
        response.ContentType = "application/json";
        await response.WriteAsync(Json.Format(status), Encoding.UTF8, http.RequestAborted);
    }

    private static int HttpStatusOf(Grpc.Core.StatusCode code) => code switch
    {
        Grpc.Core.StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        Grpc.Core.StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        Grpc.Core.StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status400BadRequest,
    };
}
