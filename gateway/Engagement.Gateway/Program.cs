using Engagement.Gateway;

WebApplication app;
try
{
    app = GatewayHost.Build(args);
}
catch (PortInUseException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

return await app.RunGatewayAsync();
