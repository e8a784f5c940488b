namespace A2A.AspNetCore.Tests.Push;

/// <summary>The probe agent with push notifications turned on by options, allowed to call webhooks on 127.0.0.1, with quick retries.</summary>
public sealed class PushProbeServer : ProbeServer
{
    public PushProbeServer()
    {
        Options.PushNotifications.Enabled = true;
        Options.PushNotifications.AllowPrivateNetworkDestinations = true;
        Options.PushNotifications.InitialRetryDelay = TimeSpan.FromMilliseconds(20);
        Options.PushNotifications.MaxRetryDelay = TimeSpan.FromMilliseconds(100);
        Options.PushNotifications.MaxAttempts = 4;
        Options.PushNotifications.MaxConfigsPerTask = 3;
    }
}
