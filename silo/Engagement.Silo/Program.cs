using Engagement.Gateway;
using Engagement.Silo;

if (args is ["token", .. var tokenArgs])
{
    return TokenCommand.Run(tokenArgs, Console.Out, Console.Error);
}

WebApplication app;
try
{
    app = await NodeHost.BuildAsync(args);
}
catch (StartupRefusedException e)
{
    // One line, no stack trace: what is refused (a taken port, development signing outside Development) and how to change it.
    await Console.Error.WriteLineAsync(e.Message);
    return e.ExitCode;
}

return await app.RunGatewayAsync();
