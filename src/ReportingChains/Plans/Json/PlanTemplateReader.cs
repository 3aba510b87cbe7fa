using System.Text.Json;
using System.Text.RegularExpressions;

namespace WorkflowHost.ReportingChains.Plans.Json;

/// <summary>
/// Reads a plan file (<c>workflows/plans/*.plan.json</c>, camelCase JSON) into a <see cref="PlanTemplate"/>,
/// validating it on the way. Never throws for bad content: it returns every error found, each naming its field.
/// </summary>
public static partial class PlanTemplateReader
{
    public const string FileSuffix = ".plan.json";

    public static PlanTemplateReadResult ReadFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return PlanTemplateReadResult.Invalid([new PlanTemplateError("$", $"cannot read {path}: {e.Message}")]);
        }
        return Read(json);
    }

    public static PlanTemplateReadResult Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            return PlanTemplateReadResult.Invalid(
                [new PlanTemplateError("$", $"invalid JSON at line {line}, position {position}: {FirstSentence(e.Message)}")]);
        }

        using (document)
        {
            var parse = new Parse();
            var template = parse.Template(document.RootElement);
            return template is not null && parse.Errors.Count == 0
                ? PlanTemplateReadResult.Valid(template)
                : PlanTemplateReadResult.Invalid(parse.Errors);
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    internal static partial Regex PlanId();

    /// <summary>Organisation unit codes: "TU", "TU-BDV", "HU-BATXAT-MTTQ", "CS-DUK-01".</summary>
    [GeneratedRegex("^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$")]
    internal static partial Regex UnitCode();

    /// <summary>Indicator and target codes: "HOCBONG", "HOCBONG-TIEN", "DP-CAYXANH".</summary>
    [GeneratedRegex("^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$")]
    internal static partial Regex IndicatorCode();

    [GeneratedRegex("^[A-Z][A-Z0-9]*-$")]
    internal static partial Regex LocalPrefix();

    /// <summary>Outline section numbers: "I", "II.3", "P1.II.4".</summary>
    [GeneratedRegex("^[A-Za-z0-9]+(\\.[A-Za-z0-9]+)*$")]
    internal static partial Regex SectionNumber();

    [GeneratedRegex("^[0-9]+(\\.[0-9]+)*$")]
    internal static partial Regex TaskNumber();

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    internal static partial Regex LevelKey();

    internal static readonly IReadOnlySet<string> CurrencyUnits =
        new HashSet<string>(StringComparer.Ordinal) { "đồng", "nghìn đồng", "triệu đồng", "tỷ đồng" };

    private const string UnitCodeText = "a unit code (upper-case letters, digits, dashes, e.g. TU-BDV)";
    private const string IndicatorCodeText = "an indicator code (upper-case letters, digits, dashes, e.g. HOCBONG-TIEN)";

    /// <summary>One read: the errors so far and what the cross-field checks need to know.</summary>
    private sealed class Parse
    {
        public readonly List<PlanTemplateError> Errors = [];
        private readonly Dictionary<string, string> _sectionPaths = new(StringComparer.Ordinal);
        private readonly List<(string Path, string Number)> _sectionsNeedingStatistics = [];
        private readonly Dictionary<string, (Indicator Indicator, string Path)> _indicators = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _levelPaths = new(StringComparer.Ordinal);
        private readonly List<(LevelProvision Level, string Path)> _levels = [];
        private readonly Dictionary<string, string> _taskPaths = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _targetPaths = new(StringComparer.Ordinal);

        public PlanTemplate? Template(JsonElement root)
        {
            var o = JsonObjectReader.Open(root, "$", Errors);
            if (o is null) return null;

            var id = o.String("id", required: true, PlanId(), "a plan id (lower-case letters, digits, dashes)");
            var number = o.String("number");
            var issueDate = o.Date("issueDate");
            var issueDateText = o.String("issueDateText");
            var issuingBody = o.String("issuingBody", required: true, UnitCode(), UnitCodeText);
            var signedBy = o.String("signedBy");
            var kind = o.Enum<PlanKind>("kind", required: true);
            var subject = o.String("subject", required: true);
            var form = o.String("form");
            var directives = o.Array("directives", required: false, (e, p) => Document(e, p, related: false));
            var related = o.Array("relatedDocuments", required: false, (e, p) => Document(e, p, related: true));
            var period = o.Object("period") is { } periodReader ? Period(periodReader) : null;
            var asOf = o.Date("asOf");
            if (asOf is null && issueDate is null && !HasErrorAt(o.PathOf("asOf")) && !HasErrorAt(o.PathOf("issueDate")))
                o.Error("asOf", "required when issueDate is not given");

            var outline = o.Array("outline", required: true, (e, p) => Section(e, p, parentNumber: null));
            var indicators = o.Array("indicators", required: false, Indicator);
            var localIndicators = o.Object("localIndicators") is { } localReader
                ? LocalIndicators(localReader)
                : LocalIndicatorPolicy.NotAllowed;
            var levels = o.Array("levels", required: true, Level);
            var milestones = o.Array("milestones", required: false, Milestone);
            var tasks = o.Array("tasks", required: false, Task);
            var targets = o.Array("targets", required: false, Target);
            o.RejectUnknownFields();

            CheckIndicatorReferences(localIndicators, o);
            CheckStatisticsAvailable(indicators.Count + targets.Count);
            CheckLevelReferences();

            if (Errors.Count > 0 || id is null || issuingBody is null || kind is null || subject is null) return null;
            return new PlanTemplate(id, number, issueDate, issueDateText, issuingBody, signedBy, kind.Value, subject,
                form, directives, related, period, (asOf ?? issueDate)!.Value, levels, milestones, outline,
                indicators, localIndicators, tasks, targets);
        }

        private bool HasErrorAt(string path) => Errors.Any(e => e.Path == path);

        private DocumentReference? Document(JsonElement element, string path, bool related)
        {
            var o = JsonObjectReader.Open(element, path, Errors);
            if (o is null) return null;
            var type = o.Enum<DocumentType>("type", required: true);
            var number = o.String("number", required: true);
            var date = o.Date("date");
            var issuedBy = o.String("issuedBy");
            var title = o.String("title");
            DocumentRelation? relation = related ? o.Enum<DocumentRelation>("relation", required: true) : null;
            o.RejectUnknownFields();
            return type is null || number is null || (related && relation is null)
                ? null
                : new DocumentReference(type.Value, number, date, issuedBy, title, relation);
        }

        private ReviewPeriod? Period(JsonObjectReader o)
        {
            var from = o.Date("from", required: true);
            var to = o.Date("to", required: true);
            var text = o.String("text");
            o.RejectUnknownFields();
            if (from is null || to is null) return null;
            if (from > to)
            {
                o.Error("to", $"{to:yyyy-MM-dd} is before {o.PathOf("from")} ({from:yyyy-MM-dd})");
                return null;
            }
            return new ReviewPeriod(from.Value, to.Value, text);
        }

        private OutlineSection? Section(JsonElement element, string path, string? parentNumber)
        {
            var o = JsonObjectReader.Open(element, path, Errors);
            if (o is null) return null;
            var number = o.String("number", required: true, SectionNumber(),
                "a section number (segments of letters or digits joined by dots, e.g. II.3)");
            if (number is not null)
            {
                if (_sectionPaths.TryGetValue(number, out var firstPath))
                    o.Error("number", $"duplicate section number \"{number}\" (first at {firstPath})");
                else
                    _sectionPaths[number] = o.PathOf("number");
                if (parentNumber is not null && !number.StartsWith(parentNumber + ".", StringComparison.Ordinal))
                    o.Error("number", $"\"{number}\" must start with its parent's number \"{parentNumber}.\"");
            }
            var label = o.String("label");
            var title = o.String("title", required: true);
            var guidance = o.String("guidance");
            var requiresStatistics = o.Bool("requiresStatistics", false);
            var required = o.Bool("required", true);
            var children = o.Array("children", required: false, (e, p) => Section(e, p, number ?? parentNumber ?? ""));
            o.RejectUnknownFields();
            if (requiresStatistics && number is not null)
                _sectionsNeedingStatistics.Add((o.PathOf("requiresStatistics"), number));
            return number is null || title is null
                ? null
                : new OutlineSection(number, label, title, guidance, requiresStatistics, required, children);
        }

        private Indicator? Indicator(JsonElement element, string path)
        {
            var o = JsonObjectReader.Open(element, path, Errors);
            if (o is null) return null;
            var code = o.String("code", required: true, IndicatorCode(), IndicatorCodeText);
            var name = o.String("name", required: true);
            var unit = o.String("unit", required: true);
            var kind = o.Enum<IndicatorKind>("kind", required: true);
            var aggregation = o.Enum<IndicatorAggregation>("aggregation") ?? IndicatorAggregation.Sum;
            var wholeNumbers = o.Bool("wholeNumbers", kind == IndicatorKind.Count);
            var group = o.String("group");
            var amountCode = o.String("amountCode", pattern: IndicatorCode(), patternText: IndicatorCodeText);
            var section = o.String("section");
            o.RejectUnknownFields();

            if (kind == IndicatorKind.Amount && unit is not null && !CurrencyUnits.Contains(unit))
                o.Error("unit", $"\"{unit}\" is not a currency unit ({string.Join(", ", CurrencyUnits)}) for an Amount indicator");
            if (kind == IndicatorKind.Amount && amountCode is not null)
                o.Error("amountCode", "only a Count indicator can be paired with an amount");
            if (code is null || name is null || unit is null || kind is null) return null;

            var indicator = new Indicator(code, name, unit, kind.Value, aggregation, wholeNumbers, group, amountCode,
                section);
            if (_indicators.TryGetValue(code, out var first))
                o.Error("code", $"duplicate indicator code \"{code}\" (first at {first.Path}.code)");
            else
                _indicators[code] = (indicator, o.Path);
            return indicator;
        }

        private LocalIndicatorPolicy LocalIndicators(JsonObjectReader o)
        {
            var allowed = o.Bool("allowed", false);
            var prefix = o.String("codePrefix", required: allowed, LocalPrefix(),
                "a code prefix (upper-case letters or digits ending with a dash, e.g. DP-)");
            o.RejectUnknownFields();
            return new LocalIndicatorPolicy(allowed, prefix);
        }

        private LevelProvision? Level(JsonElement element, string path)
        {
            var o = JsonObjectReader.Open(element, path, Errors);
            if (o is null) return null;
            var key = o.String("key", required: true, LevelKey(), "a level key (lower-case letters, digits, dashes)");
            if (key is not null)
            {
                if (_levelPaths.TryGetValue(key, out var first))
                    o.Error("key", $"duplicate level key \"{key}\" (first at {first})");
                else
                    _levelPaths[key] = o.PathOf("key");
            }
            var name = o.String("name", required: true);
            var parentLevel = o.String("parentLevel");
            var units = o.Array("reportingUnits", required: true, (e, p) => Selector(e, p, parentLevel));
            var recipient = o.String("recipient", pattern: UnitCode(), patternText: UnitCodeText);
            var recipientText = o.String("recipientText");
            var via = o.String("via", pattern: UnitCode(), patternText: UnitCodeText);
            var collectiveApproval = o.Bool("collectiveApproval", true);
            var approvedBy = o.String("approvedBy");
            var drafter = o.String("drafter", pattern: UnitCode(), patternText: UnitCodeText);
            var coDrafters = o.Strings("coDrafters", pattern: UnitCode(), patternText: UnitCodeText);
            var deadlineSource = o.Enum<DeadlineSource>("deadlineSource") ?? DeadlineSource.Plan;
            var deadline = o.String("deadline");
            var deadlineText = o.String("deadlineText");
            var urgingBodies = o.Strings("urgingBodies", pattern: UnitCode(), patternText: UnitCodeText);
            var offsets = o.Ints("reminderOffsetDays", min: -366, max: 366);
            var grace = o.Int("escalationGraceDays", min: 0, max: 366);
            var recurrence = o.Object("recurrence") is { } r ? Recurrence(r) : null;
            o.RejectUnknownFields();

            if (deadlineSource == DeadlineSource.Plan && deadline is null && !HasErrorAt(o.PathOf("deadlineSource")))
                o.Error("deadline", "required when deadlineSource is Plan");
            if (deadlineSource != DeadlineSource.Plan && deadline is not null)
                o.Error("deadline", $"must be empty when deadlineSource is {deadlineSource}");
            if (deadlineSource == DeadlineSource.ParentLevel && parentLevel is null)
                o.Error("parentLevel", "required when deadlineSource is ParentLevel");
            if (parentLevel is null && recipient is null)
                o.Error("recipient", "required for a level without a parentLevel");
            if (offsets.Contains(0)) o.Error("reminderOffsetDays", "0 is the deadline itself, not a reminder offset");
            if (offsets.Distinct().Count() != offsets.Count) o.Error("reminderOffsetDays", "contains duplicates");

            if (key is null || name is null) return null;
            var level = new LevelProvision(key, name, units, parentLevel, recipient, recipientText, via,
                collectiveApproval, approvedBy, drafter, coDrafters, deadlineSource, deadline, deadlineText,
                urgingBodies, offsets.Order(), grace, recurrence);
            _levels.Add((level, o.Path));
            return level;
        }

        /// <param name="parentLevel">null when the selector belongs to a task (no running unit then).</param>
        private UnitSelector? Selector(JsonElement element, string path, string? parentLevel, bool inLevel = true)
        {
            var o = JsonObjectReader.Open(element, path, Errors);
            if (o is null) return null;
            var mode = o.Enum<UnitSelectionMode>("mode", required: true);
            var kinds = o.Strings("kinds", required: mode == UnitSelectionMode.ByKind);
            var under = o.String("under", required: mode == UnitSelectionMode.ByKind, UnitCode(), UnitCodeText);
            var units = o.Strings("units", required: mode == UnitSelectionMode.Explicit, UnitCode(), UnitCodeText);
            var note = o.String("note");
            o.RejectUnknownFields();

            for (var i = 0; i < kinds.Count; i++)
                if (!PlanUnitKinds.Known.Contains(kinds[i]))
                    Errors.Add(new PlanTemplateError($"{o.PathOf("kinds")}[{i}]",
                        $"unknown value \"{kinds[i]}\" (expected {string.Join(", ", PlanUnitKinds.Known)})"));
            if (mode != UnitSelectionMode.ByKind && under is not null) o.Error("under", "only used with mode ByKind");
            if (mode != UnitSelectionMode.Explicit && units.Count > 0) o.Error("units", "only used with mode Explicit");
            if (mode == UnitSelectionMode.ChildrenOfRunningUnit && (!inLevel || parentLevel is null))
                o.Error("mode", inLevel
                    ? "ChildrenOfRunningUnit needs the level to have a parentLevel"
                    : "ChildrenOfRunningUnit is only meaningful for a level's reporting units");
            return mode is null ? null : new UnitSelector(mode.Value, kinds, under, units, note);
        }

        private Milestone? Milestone(JsonElement element, string path)
        {
            var o = JsonObjectReader.Open(element, path, Errors);
            if (o is null) return null;
            var name = o.String("name", required: true);
            var unit = o.String("unit", pattern: UnitCode(), patternText: UnitCodeText);
            var due = o.String("due", required: true);
            var dueText = o.String("dueText");
            o.RejectUnknownFields();
            return name is null || due is null ? null : new Milestone(name, unit, due, dueText);
        }

        private PlanTask? Task(JsonElement element, string path)
        {
            var o = JsonObjectReader.Open(element, path, Errors);
            if (o is null) return null;
            var number = o.String("number", required: true, TaskNumber(), "a task number (e.g. 1.3)");
            if (number is not null && !_taskPaths.TryAdd(number, o.PathOf("number")))
                o.Error("number", $"duplicate task number \"{number}\" (first at {_taskPaths[number]})");
            var group = o.Enum<TaskGroup>("group", required: true);
            var title = o.String("title", required: true);
            var content = o.String("content");
            var directing = o.Array("directing", required: true, (e, p) => Selector(e, p, null, inLevel: false));
            var directingText = o.String("directingText");
            var executing = o.Array("executing", required: false, (e, p) => Selector(e, p, null, inLevel: false));
            var executingText = o.String("executingText");
            var due = o.String("due");
            var dueText = o.String("dueText");
            var milestones = o.Array("milestones", required: false, Milestone);
            var recurrence = o.Object("recurrence") is { } r ? Recurrence(r) : null;
            o.RejectUnknownFields();
            return number is null || group is null || title is null
                ? null
                : new PlanTask(number, group.Value, title, content, directing, directingText, executing,
                    executingText, due, dueText, milestones, recurrence);
        }

        private PlanRecurrence? Recurrence(JsonObjectReader o)
        {
            var description = o.String("description", required: true);
            var occasions = o.Array("occasions", required: false, Occasion);
            var periods = o.Enums<RecurrencePeriod>("periods");
            var fromYear = o.Int("fromYear", min: 1900, max: 2200);
            var toYear = o.Int("toYear", min: 1900, max: 2200);
            o.RejectUnknownFields();
            if (occasions.Count == 0 && periods.Count == 0 && !HasErrorAt(o.PathOf("occasions")))
                o.Error("occasions", "a recurrence needs at least one occasion or period");
            if (fromYear > toYear) o.Error("toYear", $"{toYear} is before {o.PathOf("fromYear")} ({fromYear})");
            return description is null
                ? null
                : new PlanRecurrence(description, occasions, periods, fromYear, toYear);
        }

        private Occasion? Occasion(JsonElement element, string path)
        {
            var o = JsonObjectReader.Open(element, path, Errors);
            if (o is null) return null;
            var name = o.String("name", required: true);
            var calendar = o.Enum<CalendarKind>("calendar", required: true);
            var month = o.Int("month", required: true, min: 1, max: 12);
            var day = o.Int("day", required: true, min: 1, max: 31);
            o.RejectUnknownFields();
            if (month is null || day is null || calendar is null) return null;
            // Lunar months have 29 or 30 days; solar days are checked against a leap year so 29/2 stays allowed.
            var maxDay = calendar == CalendarKind.Lunar ? 30 : DateTime.DaysInMonth(2024, month.Value);
            if (day > maxDay)
            {
                o.Error("day", $"{day} is not a day of month {month} ({calendar})");
                return null;
            }
            return name is null ? null : new Occasion(name, calendar.Value, day.Value, month.Value);
        }

        private PlanTarget? Target(JsonElement element, string path)
        {
            var o = JsonObjectReader.Open(element, path, Errors);
            if (o is null) return null;
            var code = o.String("code", required: true, IndicatorCode(), IndicatorCodeText);
            // Reports carry indicator and target values under one set of codes, so they must not collide.
            if (code is not null && _indicators.TryGetValue(code, out var indicator))
                o.Error("code", $"\"{code}\" is already an indicator code (at {indicator.Path}.code)");
            else if (code is not null && !_targetPaths.TryAdd(code, o.PathOf("code")))
                o.Error("code", $"duplicate target code \"{code}\" (first at {_targetPaths[code]})");
            var name = o.String("name", required: true);
            var unit = o.String("unit", required: true);
            var comparison = o.Enum<TargetComparison>("comparison", required: true);
            var value = o.Decimal("value", required: true);
            var year = o.Int("year", required: true, min: 1900, max: 2200);
            var due = o.String("due");
            var source = o.String("source");
            o.RejectUnknownFields();
            if (value < 0) o.Error("value", "must not be negative");
            if (unit == "%" && value > 100) o.Error("value", "a percentage cannot exceed 100");
            return code is null || name is null || unit is null || comparison is null || value is null || year is null
                ? null
                : new PlanTarget(code, name, unit, comparison.Value, value.Value, year.Value, due, source);
        }

        private void CheckIndicatorReferences(LocalIndicatorPolicy local, JsonObjectReader root)
        {
            var pairedBy = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (indicator, path) in _indicators.Values)
            {
                if (indicator.AmountCode is { } amountCode)
                {
                    if (!_indicators.TryGetValue(amountCode, out var amount))
                        Errors.Add(new PlanTemplateError($"{path}.amountCode", $"no indicator has the code \"{amountCode}\""));
                    else if (amount.Indicator.Kind != IndicatorKind.Amount)
                        Errors.Add(new PlanTemplateError($"{path}.amountCode", $"\"{amountCode}\" is not an Amount indicator"));
                    else if (pairedBy.TryGetValue(amountCode, out var other))
                        Errors.Add(new PlanTemplateError($"{path}.amountCode", $"\"{amountCode}\" is already paired with \"{other}\""));
                    else
                        pairedBy[amountCode] = indicator.Code;
                }
                if (indicator.Section is { } section && !_sectionPaths.ContainsKey(section))
                    Errors.Add(new PlanTemplateError($"{path}.section", $"no outline section has the number \"{section}\""));
                if (local.CodePrefix is { } prefix && indicator.Code.StartsWith(prefix, StringComparison.Ordinal))
                    Errors.Add(new PlanTemplateError($"{path}.code",
                        $"\"{indicator.Code}\" starts with the local indicator prefix {root.PathOf("localIndicators.codePrefix")} (\"{prefix}\")"));
            }
        }

        private void CheckStatisticsAvailable(int indicatorsAndTargets)
        {
            if (indicatorsAndTargets > 0) return;
            foreach (var (path, number) in _sectionsNeedingStatistics)
                Errors.Add(new PlanTemplateError(path,
                    $"section \"{number}\" requires statistics but the plan has no indicators or targets"));
        }

        private void CheckLevelReferences()
        {
            foreach (var (level, levelPath) in _levels)
            {
                if (level.ParentLevel is not { } parent) continue;
                var path = $"{levelPath}.parentLevel";
                if (parent == level.Key)
                    Errors.Add(new PlanTemplateError(path, "a level cannot report to itself"));
                else if (!_levelPaths.ContainsKey(parent))
                    Errors.Add(new PlanTemplateError(path, $"no level has the key \"{parent}\""));
                else if (ReachesItself(level))
                    Errors.Add(new PlanTemplateError(path, $"the chain of parent levels from \"{level.Key}\" loops"));
            }
        }

        private bool ReachesItself(LevelProvision start)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { start.Key };
            for (var level = start; level.ParentLevel is { } parent;)
            {
                if (!seen.Add(parent)) return true;
                var next = _levels.FirstOrDefault(l => l.Level.Key == parent).Level;
                if (next is null) return false;
                level = next;
            }
            return false;
        }
    }
}
