namespace Outlay.Api.Sms.Parsing;

internal readonly record struct TextSpan(int Start, int End)
{
    public bool Overlaps(int start, int end) => Start < end && start < End;
}
