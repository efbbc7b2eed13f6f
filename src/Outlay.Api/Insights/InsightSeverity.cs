namespace Outlay.Api.Insights;

public enum InsightSeverity
{
    Info,
    Warning,
    Alert,
}
