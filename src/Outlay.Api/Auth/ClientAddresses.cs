using System.Net;
using System.Net.Sockets;

namespace Outlay.Api.Auth;

/// <summary>Who counts as one client for per-address limits.</summary>
public static class ClientAddresses
{
    /// <summary>
    /// An IPv4 address as it is; an IPv6 one by its /64, the block one subscriber normally gets, so a client cannot
    /// step through the 2^64 addresses of its own network to escape a limit.
    /// </summary>
    public static string PartitionOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
