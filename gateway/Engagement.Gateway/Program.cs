using Engagement.Gateway;

WebApplication app;
try
{
    app = GatewayHost.Build(args);
}
catch (StartupRefusedException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return e.ExitCode;
}

return await app.RunGatewayAsync();
