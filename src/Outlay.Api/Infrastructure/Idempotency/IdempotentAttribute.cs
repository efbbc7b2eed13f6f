namespace Outlay.Api.Infrastructure;

/// <summary>Marks a POST endpoint whose retries with the same Idempotency-Key replay the first answer.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class IdempotentAttribute : Attribute;
