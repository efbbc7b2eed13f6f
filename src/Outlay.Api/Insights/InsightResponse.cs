using System.Text.Json.Nodes;

namespace Outlay.Api.Insights;

/// <summary>
/// One tip. <c>data</c> holds the numbers behind the message, money as strings like everywhere in the
/// API (built as JSON here so the cached copy and the fresh one serialise the same).
/// </summary>
public sealed record InsightResponse(string Kind, InsightSeverity Severity, string Title, string Message, JsonObject Data);
