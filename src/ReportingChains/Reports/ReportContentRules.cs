using System.Globalization;
using System.Text.RegularExpressions;
using WorkflowHost.ReportingChains.Plans;
using WorkflowHost.ReportingChains.Plans.Json;

namespace WorkflowHost.ReportingChains.Reports;

/// <summary>
/// Checks a report's content against its plan. <see cref="CheckStructure"/> is what a saved draft must satisfy (it
/// can be stored and shown); <see cref="CheckForSubmission"/> adds what a finished report must satisfy.
/// </summary>
public static class ReportContentRules
{
    public static IReadOnlyList<ReportError> CheckStructure(PlanTemplate template, ReportDraft draft)
    {
        var errors = new List<ReportError>();
        foreach (var number in draft.SectionTexts.Keys)
            if (template.FindSection(number) is null)
                errors.Add(new ReportError(ReportError.UnknownSection,
                    $"Mục “{number}” không có trong đề cương của kế hoạch.", Field(number)));

        errors.AddRange(CheckLocalIndicators(template, draft.LocalIndicators));

        var local = draft.LocalIndicators.Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var code in draft.IndicatorValues.Keys)
            if (template.FindIndicator(code) is null && template.FindTarget(code) is null && !local.Contains(code))
                errors.Add(new ReportError(ReportError.UnknownIndicator,
                    $"Mã chỉ tiêu “{code}” không có trong kế hoạch và không phải chỉ tiêu bổ sung của đơn vị.",
                    IndicatorField(code)));
        return errors;
    }

    public static IReadOnlyList<ReportError> CheckForSubmission(PlanTemplate template, ReportDraft draft)
    {
        var errors = CheckStructure(template, draft).ToList();
        foreach (var section in template.AllSections().Where(s => s.Required))
            if (!draft.SectionTexts.TryGetValue(section.Number, out var text) || string.IsNullOrWhiteSpace(text))
                errors.Add(new ReportError(ReportError.SectionRequired,
                    $"Mục {section.Number} “{section.Title}” là bắt buộc nhưng chưa có nội dung.", Field(section.Number)));

        var local = draft.LocalIndicators.ToDictionary(l => l.Code, StringComparer.Ordinal);
        foreach (var (code, value) in draft.IndicatorValues)
        {
            var (name, unit, wholeNumbers, isPercentage) = Describe(template, local, code);
            if (name is null) continue; // unknown: already reported by the structure check
            if (value < 0)
                errors.Add(new ReportError(ReportError.NegativeValue,
                    $"Chỉ tiêu “{name}” không được là số âm ({Show(value)}).", IndicatorField(code)));
            else if (wholeNumbers && value != decimal.Truncate(value))
                errors.Add(new ReportError(ReportError.NotWholeNumber,
                    $"Chỉ tiêu “{name}” tính bằng {unit} phải là số nguyên ({Show(value)}).", IndicatorField(code)));
            else if (isPercentage && value > 100)
                errors.Add(new ReportError(ReportError.PercentageOver100,
                    $"Chỉ tiêu “{name}” là tỷ lệ phần trăm, không được lớn hơn 100 ({Show(value)}).", IndicatorField(code)));
        }
        return errors;
    }

    private static (string? Name, string? Unit, bool WholeNumbers, bool IsPercentage) Describe(
        PlanTemplate template, IReadOnlyDictionary<string, LocalIndicatorDefinition> local, string code)
    {
        if (template.FindIndicator(code) is { } indicator) return (indicator.Name, indicator.Unit, indicator.WholeNumbers, false);
        if (template.FindTarget(code) is { } target) return (target.Name, target.Unit, false, target.IsPercentage);
        if (local.TryGetValue(code, out var l)) return (l.Name, l.Unit, l.Kind == IndicatorKind.Count, false);
        return (null, null, false, false);
    }

    private static IEnumerable<ReportError> CheckLocalIndicators(PlanTemplate template,
        IReadOnlyList<LocalIndicatorDefinition> definitions)
    {
        if (definitions.Count == 0) yield break;
        var policy = template.LocalIndicators;
        if (!policy.Allowed)
        {
            yield return new ReportError(ReportError.LocalIndicatorsNotAllowed,
                "Kế hoạch không cho phép bổ sung chỉ tiêu riêng.", "localIndicators");
            yield break;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var field = $"localIndicators.{definition.Code}";
            if (!definition.Code.StartsWith(policy.CodePrefix!, StringComparison.Ordinal) || !CodePattern().IsMatch(definition.Code))
                yield return new ReportError(ReportError.LocalIndicatorInvalid,
                    $"Mã chỉ tiêu bổ sung “{definition.Code}” phải bắt đầu bằng “{policy.CodePrefix}” và chỉ gồm chữ in hoa, chữ số, dấu gạch ngang.",
                    field);
            else if (!seen.Add(definition.Code))
                yield return new ReportError(ReportError.LocalIndicatorInvalid,
                    $"Mã chỉ tiêu bổ sung “{definition.Code}” bị trùng.", field);
            if (string.IsNullOrWhiteSpace(definition.Name) || string.IsNullOrWhiteSpace(definition.Unit))
                yield return new ReportError(ReportError.LocalIndicatorInvalid,
                    $"Chỉ tiêu bổ sung “{definition.Code}” cần có tên và đơn vị tính.", field);
            else if (definition.Kind == IndicatorKind.Amount && !PlanTemplateReader.CurrencyUnits.Contains(definition.Unit))
                yield return new ReportError(ReportError.LocalIndicatorInvalid,
                    $"Chỉ tiêu bổ sung “{definition.Name}” là số tiền nên phải tính bằng {string.Join(", ", PlanTemplateReader.CurrencyUnits)}.",
                    field);
        }
    }

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Numbers in messages are written the Vietnamese way: 30.000.000,5.</summary>
    private static string Show(decimal value) => value.ToString("#,0.##########", Vietnamese);

    private static string Field(string sectionNumber) => $"sections.{sectionNumber}";

    private static string IndicatorField(string code) => $"indicators.{code}";

    private static Regex CodePattern() => PlanTemplateReader.IndicatorCode();
}
