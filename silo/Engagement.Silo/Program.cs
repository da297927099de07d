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
catch (PortInUseException e)
{
    // One line, no stack trace: which port, which setting chooses it.
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

return await app.RunGatewayAsync();
