using Engagement.Gateway;

// A stateless gateway: an Orleans client of the cluster that serves the gRPC API.
var builder = WebApplication.CreateBuilder(args);
builder.UseOrleansClient(client => client.UseEngagementCluster(builder.Configuration));
builder.AddEngagementGateway();
var app = builder.Build();
app.MapEngagementGateway();
return await app.RunGatewayAsync();
