using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace WorkflowHost.ReportingChains.Deadlines;

/// <summary>
/// Reads the deadline phrases of the plans into rules: "trước ngày 05/7/2014", "trước ngày 10 tháng 3 năm 2019",
/// "đến hết ngày 30/9/2022", "cuối tháng 3/2019", "trong tháng 6/2026", "trong năm 2026", "trong năm 2026 - 2027",
/// "ngày 22/12/2026", "5 ngày làm việc trước thời hạn của cấp trên", "do cấp trên quyết định", optionally followed by
/// the non-working-day clause that <see cref="DeadlineRule.Describe"/> writes. Case, bold markers, a leading "vào" and
/// trailing punctuation are ignored. Anything else is refused with the phrase in the error.
/// </summary>
public static partial class DeadlinePhraseParser
{
    public const string RollForwardSuffix = " (nếu trùng ngày nghỉ thì chuyển sang ngày làm việc kế tiếp)";
    public const string RollBackwardSuffix = " (nếu trùng ngày nghỉ thì chuyển về ngày làm việc liền trước)";

    private const string DatePattern =
        @"(?:(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>\d{4})|(?<d>\d{1,2}) tháng (?<m>\d{1,2}) năm (?<y>\d{4}))";
    private const string MonthPattern = @"(?:(?<m>\d{1,2})/(?<y>\d{4})|(?<m>\d{1,2}) năm (?<y>\d{4}))";

    [GeneratedRegex($"^trước ngày {DatePattern}$")]
    private static partial Regex Before();

    [GeneratedRegex($"^(?:đến hết|chậm nhất) ngày {DatePattern}$")]
    private static partial Regex UpToAndIncluding();

    [GeneratedRegex($"^ngày {DatePattern}$")]
    private static partial Regex OnDate();

    [GeneratedRegex($"^cuối tháng {MonthPattern}$")]
    private static partial Regex EndOfMonth();

    [GeneratedRegex($"^trong tháng {MonthPattern}$")]
    private static partial Regex InMonth();

    [GeneratedRegex(@"^trong năm (?<y>\d{4})(?: ?[-–] ?(?<through>\d{4}))?$")]
    private static partial Regex InYear();

    [GeneratedRegex(@"^(?<n>\d{1,3}) ngày (?<working>làm việc )?(?<direction>trước|sau) thời hạn của cấp trên$")]
    private static partial Regex RelativeToParent();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static DeadlineRule Parse(string phrase) =>
        TryParse(phrase, out var rule, out var error) ? rule : throw error;

    public static bool TryParse(string phrase, out DeadlineRule rule) => TryParse(phrase, out rule, out _);

    private static bool TryParse(string phrase, out DeadlineRule rule, out DeadlineRuleException error)
    {
        rule = null!;
        error = null!;
        string text = Normalize(phrase ?? "");

        var policy = NonWorkingDayPolicy.Keep;
        if (text.EndsWith(RollForwardSuffix, StringComparison.Ordinal))
            (text, policy) = (text[..^RollForwardSuffix.Length], NonWorkingDayPolicy.RollForward);
        else if (text.EndsWith(RollBackwardSuffix, StringComparison.Ordinal))
            (text, policy) = (text[..^RollBackwardSuffix.Length], NonWorkingDayPolicy.RollBackward);

        try
        {
            DeadlineRule? parsed = Match(text);
            if (parsed is null)
            {
                error = Unreadable(phrase, "không khớp mẫu thời hạn nào", "it matches no known deadline pattern");
                return false;
            }
            var candidate = parsed with { OnNonWorkingDay = policy };
            candidate.Validate();
            rule = candidate;
            return true;
        }
        catch (DeadlineRuleException invalid)
        {
            error = Unreadable(phrase, invalid.VietnameseMessage.TrimEnd('.'), invalid.Message.TrimEnd('.'));
            return false;
        }
        catch (ArgumentOutOfRangeException)
        {
            error = Unreadable(phrase, "ngày hoặc tháng không tồn tại", "the day or month does not exist");
            return false;
        }
    }

    private static DeadlineRule? Match(string text)
    {
        if (text == "do cấp trên quyết định") return new SetByParentRule();
        if (text == "đúng thời hạn của cấp trên") return new RelativeToParentRule(0, DayUnit.CalendarDays);
        if (Before().Match(text) is { Success: true } before) return new BeforeDateRule(Date(before));
        if (UpToAndIncluding().Match(text) is { Success: true } upTo) return new BeforeDateRule(Date(upTo)) { Inclusive = true };
        if (OnDate().Match(text) is { Success: true } on) return new OnDateRule(Date(on));
        if (EndOfMonth().Match(text) is { Success: true } end) return new EndOfMonthRule(Number(end, "y"), Month(end));
        if (InMonth().Match(text) is { Success: true } inMonth) return new InMonthRule(Number(inMonth, "y"), Month(inMonth));
        if (InYear().Match(text) is { Success: true } inYear)
            return new InYearRule(Number(inYear, "y"))
            {
                ThroughYear = inYear.Groups["through"].Success ? Number(inYear, "through") : null,
            };
        if (RelativeToParent().Match(text) is { Success: true } relative)
        {
            int days = Number(relative, "n");
            return new RelativeToParentRule(
                relative.Groups["direction"].Value == "trước" ? -days : days,
                relative.Groups["working"].Success ? DayUnit.WorkingDays : DayUnit.CalendarDays);
        }
        return null;
    }

    /// <summary>NFC (texts pasted from Word are often decomposed), lower case, single spaces, no bold/italic markers,
    /// no leading "vào", no trailing punctuation.</summary>
    private static string Normalize(string phrase)
    {
        string text = phrase.Normalize(NormalizationForm.FormC).Replace("*", "").Replace("_", "");
        text = Whitespace().Replace(text, " ").Trim().TrimEnd('.', ',', ';', ':', ' ').ToLower(CultureInfo.InvariantCulture);
        return text.StartsWith("vào ", StringComparison.Ordinal) ? text["vào ".Length..] : text;
    }

    private static DateOnly Date(Match match) => new(Number(match, "y"), Month(match), Number(match, "d"));

    private static int Month(Match match) =>
        Number(match, "m") is var month and >= 1 and <= 12 ? month : throw new ArgumentOutOfRangeException(nameof(match));

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static DeadlineRuleException Unreadable(string? phrase, string whyVi, string whyEn) =>
        new("phrase",
            $"Không hiểu thời hạn \"{phrase}\": {whyVi}. Ví dụ hợp lệ: \"trước ngày 30/9/2022\", \"cuối tháng 3/2019\", " +
            "\"trong tháng 6/2026\", \"trong năm 2026\", \"ngày 22/12/2026\".",
            $"Cannot read the deadline phrase \"{phrase}\": {whyEn}.");
}
