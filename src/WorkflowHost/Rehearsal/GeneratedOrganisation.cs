using System.Text.Json;
using System.Text.Json.Nodes;

namespace WorkflowHost.Rehearsal;

/// <summary>
/// <c>--units N</c>: a root folder like the repository's (appsettings.json, workflows/, seeds/organisation/) whose
/// organisation is the demo province with its huyện (DistrictCommittee units and everything under them) replaced by
/// generated ones: about N/13 huyện of about 12 cơ sở each, valid until the 1 July 2025 reform like the real ones, each
/// with a secretary, deputies, committee members and a drafter. The province's own bodies and the đảng ủy trực thuộc stay,
/// so the plans' named bodies (Ban Dân vận, Văn phòng …) exist; plans that list demo huyện by code ask for units that
/// do not exist there.
/// </summary>
public static class GeneratedOrganisation
{
    private const string ValidFrom = "2000-01-01", ValidTo = "2025-06-30";

    /// <summary>Writes the root under the temp folder; the caller deletes it.</summary>
    public static string Create(string sourceRoot, int units)
    {
        var root = Path.Combine(Path.GetTempPath(), "workflowhost-rehearsal", Guid.NewGuid().ToString("N") + "-root");
        var organisation = Path.Combine(root, "seeds", "organisation");
        Directory.CreateDirectory(organisation);
        var settings = Path.Combine(sourceRoot, "appsettings.json");
        if (File.Exists(settings)) File.Copy(settings, Path.Combine(root, "appsettings.json"));
        CopyFolder(Path.Combine(sourceRoot, "workflows"), Path.Combine(root, "workflows"));
        var source = Path.Combine(sourceRoot, "seeds", "organisation");
        File.Copy(Path.Combine(source, "users.json"), Path.Combine(organisation, "users.json"));

        var unitList = (JsonArray)JsonNode.Parse(File.ReadAllText(Path.Combine(source, "units.json")))!["units"]!;
        var removed = Removed(unitList);
        var kept = new JsonArray(unitList.Where(u => !removed.Contains(u!["code"]!.GetValue<string>())).Select(u => u!.DeepClone()).ToArray());
        var memberList = (JsonArray)JsonNode.Parse(File.ReadAllText(Path.Combine(source, "members.json")))!["members"]!;
        var members = new JsonArray(memberList.Where(m => !removed.Contains(m!["unit"]!.GetValue<string>())).Select(m => m!.DeepClone()).ToArray());

        var huyenCount = Math.Max(1, (int)Math.Round(units / 13.0));
        var coSoPerHuyen = Math.Max(1, (units - huyenCount) / huyenCount);
        for (var h = 1; h <= huyenCount; h++)
        {
            var huyen = $"HU-G{h:000}";
            kept.Add(Unit(huyen, $"Huyện ủy Mô phỏng {h}", $"Huyện ủy MP {h}", "DistrictCommittee", "TU"));
            AddMembers(members, huyen, $"Huyện ủy Mô phỏng {h}", standing: true);
            for (var c = 1; c <= coSoPerHuyen; c++)
            {
                var coSo = $"CS-G{h:000}-{c:00}";
                kept.Add(Unit(coSo, $"Đảng ủy xã Mô phỏng {h}.{c}", $"Xã MP {h}.{c}", "GrassrootsOrganisation", huyen));
                AddMembers(members, coSo, $"Đảng ủy xã Mô phỏng {h}.{c}", standing: false);
            }
        }
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        File.WriteAllText(Path.Combine(organisation, "units.json"), new JsonObject { ["units"] = kept }.ToJsonString(options));
        File.WriteAllText(Path.Combine(organisation, "members.json"), new JsonObject { ["members"] = members }.ToJsonString(options));
        return root;
    }

    /// <summary>The demo's DistrictCommittee units and every unit below them.</summary>
    private static HashSet<string> Removed(JsonArray units)
    {
        var removed = units.Where(u => u!["kind"]!.GetValue<string>() == "DistrictCommittee").Select(u => u!["code"]!.GetValue<string>()).ToHashSet();
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var unit in units)
                if (unit!["parent"] is JsonValue parent && removed.Contains(parent.GetValue<string>()) && removed.Add(unit["code"]!.GetValue<string>()))
                    grew = true;
        }
        return removed;
    }

    private static JsonObject Unit(string code, string name, string shortName, string kind, string parent) => new()
    {
        ["code"] = code, ["name"] = name, ["shortName"] = shortName, ["kind"] = kind, ["function"] = null, ["parent"] = parent,
        ["validFrom"] = ValidFrom, ["validTo"] = ValidTo, ["receivesVia"] = null,
    };

    private static void AddMembers(JsonArray members, string unit, string unitName, bool standing)
    {
        var roles = new List<(string Role, string Title)> { ("Secretary", "Bí thư"), ("DeputySecretary", "Phó Bí thư") };
        var body = standing ? "StandingCommitteeMember" : "CommitteeMember";
        for (var i = 0; i < (standing ? 5 : 3); i++) roles.Add((body, standing ? "Ủy viên Ban Thường vụ" : "Ủy viên Ban Chấp hành"));
        roles.Add(("Drafter", "Chuyên viên Văn phòng"));
        for (var i = 0; i < roles.Count; i++)
            members.Add(new JsonObject
            {
                ["unit"] = unit, ["person"] = $"Đồng chí {i + 1} ({unit})", ["role"] = roles[i].Role,
                ["title"] = $"{roles[i].Title} {unitName}", ["validFrom"] = ValidFrom, ["validTo"] = ValidTo, ["userName"] = null,
            });
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.GetDirectories(from)) CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
    }

    /// <summary>Deletes a root made by <see cref="Create"/> (best effort: the OS cleans its temp folder otherwise).</summary>
    public static void Delete(string root)
    {
        try { Directory.Delete(root, recursive: true); }
        catch (IOException) { }
    }
}
