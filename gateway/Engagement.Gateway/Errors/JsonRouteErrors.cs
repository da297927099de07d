using System.Text.Json;
using System.Text.Json.Nodes;

namespace Engagement.Gateway;

/// <summary>
/// The JSON routes' own refusals — a body that is not JSON, a wrong content type, an unknown enum name in the query —
/// are written by the transcoder before any service runs, as <c>{"code":3,"message":...,"details":[]}</c>. This
/// middleware gives them the <c>google.rpc.ErrorInfo</c> every other error has (reason <c>INVALID_ARGUMENT</c>), so an
/// app handles one error shape. The transcoder's own logging of them (stack traces at information level) is turned
/// down to warnings in <see cref="GatewayHosting"/>: a client's malformed request is not the node's problem.
/// </summary>
public static class JsonRouteErrors
{
    private static readonly Dictionary<int, string> ReasonsByCode = new()
    {
        [3] = ErrorReasons.InvalidArgument,
        [5] = "NOT_FOUND",
        [12] = "UNIMPLEMENTED",
        [16] = ErrorReasons.Unauthenticated,
    };

    public static IApplicationBuilder UseJsonRouteErrors(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!IsJsonRoute(http.Request))
        {
            await next(http);
            return;
        }

        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
            if (http.Response.StatusCode >= 400 && Completed(buffer, http.Response.ContentType) is { } body)
            {
                var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
                http.Response.ContentLength = bytes.Length;
                await original.WriteAsync(bytes, http.RequestAborted);
                return;
            }

            buffer.Position = 0;
            await buffer.CopyToAsync(original, http.RequestAborted);
        }
        finally
        {
            http.Response.Body = original;
        }
    });

    /// <summary>Unary JSON calls only: gRPC, gRPC-Web, the CSV downloads and the console pass untouched.</summary>
    private static bool IsJsonRoute(HttpRequest request) =>
        request.Path.StartsWithSegments("/v1", StringComparison.Ordinal)
        && !request.Path.Value!.EndsWith(".csv", StringComparison.Ordinal)
        && !(request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) ?? false);

    /// <summary>The error body with an ErrorInfo added, or null when it already has details (or is not an error body).</summary>
    private static JsonObject? Completed(MemoryStream buffer, string? contentType)
    {
        if (contentType?.StartsWith("application/json", StringComparison.Ordinal) != true || buffer.Length == 0)
        {
            return null;
        }

        JsonObject? body;
        try
        {
            body = JsonNode.Parse(buffer.ToArray()) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }

        if (body?["details"] is not JsonArray { Count: 0 } details || body["code"]?.GetValue<int>() is not { } code)
        {
            return null;
        }

        details.Add(new JsonObject
        {
            ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo",
            ["reason"] = ReasonsByCode.GetValueOrDefault(code, ErrorReasons.Internal),
            ["domain"] = ErrorReasons.Domain,
        });
        return body;
    }
}
