using System.Text;
using WorkflowHost.ReportingChains.Deadlines;

namespace WorkflowHost.ReportingChains.Tests.Deadlines;

public class DeadlinePhraseParserTests
{
    public static TheoryData<string, DeadlineRule> SeedPhrases => new()
    {
        // Plan 000
        { "trước ngày 05/7/2014", new BeforeDateRule(new DateOnly(2014, 7, 5)) },
        { "trước ngày 20/7/2014", new BeforeDateRule(new DateOnly(2014, 7, 20)) },
        { "cuối tháng 7/2014", new EndOfMonthRule(2014, 7) },
        // Plan 002
        { "trước ngày 30/9/2022", new BeforeDateRule(new DateOnly(2022, 9, 30)) },
        { "trước ngày 20/10/2022", new BeforeDateRule(new DateOnly(2022, 10, 20)) },
        // Plan 003
        { "trong tháng 6/2026", new InMonthRule(2026, 6) },
        { "Trước ngày 25/7/2026.", new BeforeDateRule(new DateOnly(2026, 7, 25)) },
        { "ngày 22/12/2026", new OnDateRule(new DateOnly(2026, 12, 22)) },
        { "Trong năm 2026.", new InYearRule(2026) },
        { "trong năm 2026 - 2027", new InYearRule(2026) { ThroughYear = 2027 } },
        { "trong tháng 4/2027", new InMonthRule(2027, 4) },
        // Plan 004, in both spellings the text uses
        { "trước ngày 10/3/2019", new BeforeDateRule(new DateOnly(2019, 3, 10)) },
        { "trước ngày 10 tháng 3 năm 2019", new BeforeDateRule(new DateOnly(2019, 3, 10)) },
        { "trước ngày **20 tháng 3 năm 2019**", new BeforeDateRule(new DateOnly(2019, 3, 20)) },
        { "cuối tháng 3/2019", new EndOfMonthRule(2019, 3) },
        { "vào **cuối tháng 3 năm 2019**.", new EndOfMonthRule(2019, 3) },
    };

    [Theory]
    [MemberData(nameof(SeedPhrases))]
    public void Reads_the_phrases_of_the_seed_plans(string phrase, DeadlineRule expected)
    {
        Assert.Equal(expected, DeadlinePhraseParser.Parse(phrase));
    }

    [Fact]
    public void Reads_decomposed_unicode_and_extra_spaces()
    {
        string decomposed = "  TRƯỚC   ngày 30/9/2022 ".Normalize(NormalizationForm.FormD);
        Assert.Equal(new BeforeDateRule(new DateOnly(2022, 9, 30)), DeadlinePhraseParser.Parse(decomposed));
    }

    [Fact]
    public void Reads_inclusive_relative_and_parent_set_phrases()
    {
        Assert.Equal(new BeforeDateRule(new DateOnly(2022, 9, 30)) { Inclusive = true },
            DeadlinePhraseParser.Parse("đến hết ngày 30/9/2022"));
        Assert.Equal(new RelativeToParentRule(-5, DayUnit.WorkingDays),
            DeadlinePhraseParser.Parse("5 ngày làm việc trước thời hạn của cấp trên"));
        Assert.Equal(new RelativeToParentRule(3, DayUnit.CalendarDays),
            DeadlinePhraseParser.Parse("3 ngày sau thời hạn của cấp trên"));
        Assert.Equal(new SetByParentRule(), DeadlinePhraseParser.Parse("Do cấp trên quyết định"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sớm nhất có thể")]
    [InlineData("Ban hành Kế hoạch trong tháng 6/2026")]
    [InlineData("trước ngày 31/2/2026")]
    [InlineData("cuối tháng 13/2026")]
    [InlineData("trước ngày 05/7/1850")]
    [InlineData("trong năm 2027 - 2026")]
    public void Refuses_unreadable_text_naming_the_phrase(string phrase)
    {
        var error = Assert.Throws<DeadlineRuleException>(() => DeadlinePhraseParser.Parse(phrase));
        Assert.Equal("phrase", error.Field);
        Assert.Contains($"\"{phrase}\"", error.Message);
        Assert.Contains($"Không hiểu thời hạn \"{phrase}\"", error.VietnameseMessage);
        Assert.False(DeadlinePhraseParser.TryParse(phrase, out _));
    }

    public static TheoryData<DeadlineRule, string> Descriptions => new()
    {
        { new BeforeDateRule(new DateOnly(2014, 7, 5)), "trước ngày 05/7/2014" },
        { new BeforeDateRule(new DateOnly(2022, 9, 30)) { Inclusive = true }, "đến hết ngày 30/9/2022" },
        { new EndOfMonthRule(2019, 3), "cuối tháng 3/2019" },
        { new InMonthRule(2026, 6), "trong tháng 6/2026" },
        { new InYearRule(2026), "trong năm 2026" },
        { new InYearRule(2026) { ThroughYear = 2027 }, "trong năm 2026 - 2027" },
        { new OnDateRule(new DateOnly(2026, 12, 22)), "ngày 22/12/2026" },
        { new RelativeToParentRule(-5, DayUnit.WorkingDays), "5 ngày làm việc trước thời hạn của cấp trên" },
        { new RelativeToParentRule(2, DayUnit.CalendarDays), "2 ngày sau thời hạn của cấp trên" },
        { new RelativeToParentRule(0, DayUnit.CalendarDays), "đúng thời hạn của cấp trên" },
        { new SetByParentRule(), "do cấp trên quyết định" },
        { new BeforeDateRule(new DateOnly(2019, 3, 10)) { OnNonWorkingDay = NonWorkingDayPolicy.RollBackward },
            "trước ngày 10/3/2019 (nếu trùng ngày nghỉ thì chuyển về ngày làm việc liền trước)" },
        { new EndOfMonthRule(2014, 7) { OnNonWorkingDay = NonWorkingDayPolicy.RollForward },
            "cuối tháng 7/2014 (nếu trùng ngày nghỉ thì chuyển sang ngày làm việc kế tiếp)" },
    };

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void Describe_writes_Vietnamese_that_parses_back_to_the_same_rule(DeadlineRule rule, string text)
    {
        Assert.Equal(text, rule.Describe());
        Assert.Equal(rule, DeadlinePhraseParser.Parse(text));
    }
}
