using Engagement.Gateway;
using Engagement.Silo;

if (args is ["token", .. var tokenArgs])
{
    return TokenCommand.Run(tokenArgs, Console.Out, Console.Error);
}

var app = await NodeHost.BuildAsync(args);
return await app.RunGatewayAsync();
