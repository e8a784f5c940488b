using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace A2A.AspNetCore.Push;

/// <summary>
/// Where push notifications may go: http(s) URLs whose host is a public address. The check runs twice: on the URL
/// when a configuration is registered (an IP literal or <c>localhost</c> is judged at once), and on the address
/// actually connected to, inside the connection callback, so a name that resolves (or re-resolves, DNS rebinding)
/// to an internal address is refused too. Unless allowed, refused are loopback, private (RFC 1918), carrier-grade NAT
/// (which holds some clouds' metadata services), link-local (with 169.254.169.254, the usual metadata address),
/// unique-local IPv6, unspecified, multicast and broadcast addresses, and IPv6 forms that embed one of them
/// (IPv4-mapped, IPv4-compatible, 6to4, NAT64).
/// </summary>
/// <param name="allowPrivateNetworks">Whether internal addresses are allowed too.</param>
/// <param name="resolve">How host names are resolved (DNS; tests substitute their own).</param>
internal sealed class PushDestinationPolicy(bool allowPrivateNetworks, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
{
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve = resolve ?? Dns.GetHostAddressesAsync;

    /// <summary>The policy for public destinations only.</summary>
    public static PushDestinationPolicy PublicOnly { get; } = new(allowPrivateNetworks: false);

    /// <summary>The policy that also allows loopback and private networks (tests, local development).</summary>
    public static PushDestinationPolicy AnyNetwork { get; } = new(allowPrivateNetworks: true);

    public bool AllowPrivateNetworks { get; } = allowPrivateNetworks;

    /// <summary>Checks a webhook URL when it is registered: null when acceptable, else why not.</summary>
    public string? CheckUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "url is required: the absolute http(s) URL notifications are posted to.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return $"url '{url}' is not an absolute http or https URL.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "url must not carry credentials (user:password@); put them in authentication.";
        }

        if (AllowPrivateNetworks)
        {
            return null;
        }

        string host = uri.IdnHost.TrimEnd('.');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return $"url '{url}' points at this machine (localhost); push notifications go to public addresses only.";
        }

        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out IPAddress? address) && Refuses(address)
            ? $"url '{url}' points at {Describe(address)}; push notifications go to public addresses only."
            : null;
    }

    /// <summary>Whether a connection to <paramref name="address"/> is refused.</summary>
    public bool Refuses(IPAddress address) => !AllowPrivateNetworks && IsInternal(address);

    /// <summary>
    /// The <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host, drops the addresses this policy
    /// refuses, and connects to the first one that answers; refused outright when every address is refused.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        DnsEndPoint endpoint = context.DnsEndPoint;
        IPAddress[] addresses = IPAddress.TryParse(endpoint.Host, out IPAddress? literal)
            ? [literal]
            : await _resolve(endpoint.Host, cancellationToken).ConfigureAwait(false);
        IPAddress[] allowed = Array.FindAll(addresses, a => !Refuses(a));
        if (allowed.Length == 0)
        {
            throw new PushDestinationRefusedException(
                $"Push notification to {endpoint.Host}:{endpoint.Port} refused: it resolves to {string.Join(", ", addresses.Select(Describe))}; push notifications go to public addresses only.");
        }

        SocketException? last = null;
        foreach (IPAddress address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }

    /// <summary>A handler that connects only where this policy allows and never follows redirects.</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false, // a proxy would connect on our behalf, past the address check
        ConnectCallback = ConnectAsync,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };

    /// <summary>Whether an address is internal: loopback, private, shared, link-local, unique-local, unspecified, multicast or broadcast.</summary>
    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return IsInternal(address.MapToIPv4());
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return b[0] is 0 or 10 or 127 || b[0] >= 224 // this network, private, loopback; multicast, reserved, broadcast
                || (b[0] == 100 && (b[1] & 0xC0) == 64) // 100.64.0.0/10 shared (carrier-grade NAT)
                || (b[0] == 169 && b[1] == 254) // link-local, with the cloud metadata address
                || (b[0] == 172 && (b[1] & 0xF0) == 16)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0); // IETF protocol assignments
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return true;
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
        {
            return true;
        }

        Span<byte> v6 = stackalloc byte[16];
        address.TryWriteBytes(v6, out _);

        // Forms that carry an IPv4 address: IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::a.b.c.d, 6to4 2002:aabb:ccdd::.
        if (v6[..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return IsInternal(new IPAddress(v6[12..]));
        }

        if (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b && v6[4..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return IsInternal(new IPAddress(v6[12..]));
        }

        return v6[0] == 0x20 && v6[1] == 0x02 && IsInternal(new IPAddress(v6[2..6]));
    }

    private static string Describe(IPAddress address) =>
        IsInternal(address) ? $"{address} (an internal address: loopback, private, link-local or the like)" : address.ToString();
}
