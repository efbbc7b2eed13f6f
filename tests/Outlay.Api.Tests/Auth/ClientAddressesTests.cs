using System.Net;
using Outlay.Api.Auth;

namespace Outlay.Api.Tests.Auth;

public sealed class ClientAddressesTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    // An IPv4 client seen through a dual-stack socket is still that IPv4 client.
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    // IPv6 clients count by their /64.
    [InlineData("2001:db8:1:2::a", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::a", "2001:db8:1:3::/64")]
    public void PartitionOf_IsTheAddressOrItsIPv6Slash64(string address, string partition)
    {
        Assert.Equal(partition, ClientAddresses.PartitionOf(IPAddress.Parse(address)));
    }

    [Fact]
    public void PartitionOf_AnUnknownAddress_IsOnePartition()
    {
        Assert.Equal("unknown", ClientAddresses.PartitionOf(null));
    }
}
