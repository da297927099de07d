using Engagement.Gateway;

return await GatewayHost.Build(args).RunGatewayAsync();
