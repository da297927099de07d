using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Engagement.Gateway;

/// <summary>
/// The OpenAPI document of the JSON routes (generated from the protos' HTTP annotations and comments), for web and
/// mobile teams to generate clients: <c>/openapi/v1.json</c>, with Swagger UI at <c>/openapi/</c>. On by default in
/// development auth mode, otherwise when <c>Engagement:OpenApi:Enabled=true</c>.
/// </summary>
public static class OpenApiHosting
{
    public const string DocumentPath = "/openapi/v1.json";

    public static bool Enabled(IConfiguration configuration) =>
        configuration.GetValue<bool?>("Engagement:OpenApi:Enabled") ?? OperationsOptions.IsDevelopmentAuth(configuration);

    public static IServiceCollection AddEngagementOpenApi(this IServiceCollection services, IConfiguration configuration)
    {
        if (!Enabled(configuration))
        {
            return services;
        }

        services.AddGrpcSwagger();
        services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Engagement API",
                Version = "v1",
                Description = "The JSON routes of the gRPC contract (package engagement.v1). int64 fields are strings; " +
                    "errors are google.rpc.Status with ErrorInfo. Send a bearer token in the Authorization header.",
            });
            swagger.AddSecurityDefinition("bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token of the node's identity provider (in development: the token command or the console's sign-in).",
            });
            swagger.AddSecurityRequirement(new OpenApiSecurityRequirement
            {
                [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = "bearer" } }] = [],
            });
            swagger.DocumentFilter<Int64AsString>();
            // The protos' comments (generated into the contract assembly's XML documentation) describe every route.
            var contractDocs = Path.Combine(AppContext.BaseDirectory, typeof(V1.CheckInRequest).Assembly.GetName().Name + ".xml");
            if (File.Exists(contractDocs))
            {
                swagger.IncludeXmlComments(contractDocs);
                swagger.IncludeGrpcXmlComments(contractDocs, includeControllerXmlComments: true);
            }
        });
        return services;
    }

    public static WebApplication MapEngagementOpenApi(this WebApplication app)
    {
        if (!Enabled(app.Configuration))
        {
            return app;
        }

        app.UseSwagger(swagger => swagger.RouteTemplate = "openapi/{documentName}.json");
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "openapi";
            ui.SwaggerEndpoint(DocumentPath, "Engagement API v1");
            ui.DocumentTitle = "Engagement API";
        });
        return app;
    }

    /// <summary>
    /// The JSON routes write int64 as strings (proto3 JSON, so no JavaScript client rounds a figure): the document says
    /// so, or generated clients would expect numbers.
    /// </summary>
    private sealed class Int64AsString : IDocumentFilter
    {
        public void Apply(OpenApiDocument document, DocumentFilterContext context)
        {
            var seen = new HashSet<OpenApiSchema>(ReferenceEqualityComparer.Instance);
            foreach (var schema in document.Components.Schemas.Values)
            {
                Visit(schema, seen);
            }

            foreach (var parameter in document.Paths.Values.SelectMany(p => p.Operations.Values).SelectMany(o => o.Parameters))
            {
                Visit(parameter.Schema, seen);
            }
        }

        private static void Visit(OpenApiSchema? schema, HashSet<OpenApiSchema> seen)
        {
            if (schema is null || !seen.Add(schema))
            {
                return;
            }

            if (schema.Type == "integer" && schema.Format is "int64" or "uint64")
            {
                schema.Type = "string";
            }

            Visit(schema.Items, seen);
            Visit(schema.AdditionalProperties, seen);
            foreach (var property in schema.Properties.Values)
            {
                Visit(property, seen);
            }
        }
    }
}
