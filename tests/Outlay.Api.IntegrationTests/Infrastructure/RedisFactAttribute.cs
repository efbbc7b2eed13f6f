namespace Outlay.Api.IntegrationTests.Infrastructure;

/// <summary>
/// A test about several instances sharing state through Redis. Without Redis, Outlay runs as one
/// instance with in-process fallbacks, so there is nothing to test; the PostgreSQL + Redis pass runs it.
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (TestEnvironment.Redis is null)
        {
            Skip = "Needs Redis (OUTLAY_TEST_REDIS): runs in the PostgreSQL + Redis pass of scripts/test.sh.";
        }
    }
}
