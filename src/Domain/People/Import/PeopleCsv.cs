using CollegeBot.Domain.College;
using CollegeBot.Domain.Import;

namespace CollegeBot.Domain.People.Import;

/// <summary>One valid row of people.csv: one role held by one person.</summary>
internal sealed record PeopleCsvRow(
    int Line, Roles Role, string Code, string FullName, string? Phone, string? Language,
    IReadOnlyList<string> Groups, IReadOnlyList<string> Students);

/// <summary>
/// Reads people.csv (<c>role,code,full_name,group,phone,language,students</c>) and checks each row on its own;
/// what spans rows is <see cref="ImportPlan"/>'s business.
/// </summary>
internal static class PeopleCsv
{
    public const string Role = "role", Code = "code", FullName = "full_name", Group = "group",
        Phone = "phone", Language = "language", Students = "students";

    public static readonly IReadOnlyList<string> Columns = [Role, Code, FullName, Group, Phone, Language, Students];

    // The same lengths as the columns of the people and groups tables.
    public const int MaxCodeLength = 64;
    public const int MaxNameLength = 200;
    public const int MaxGroupNameLength = 64;

    private const char ListSeparator = '|';

    /// <summary>
    /// Reads the rows that are valid on their own; every problem found is added to <paramref name="errors"/>, and
    /// the code of every refused row to <paramref name="refusedCodes"/>.
    /// </summary>
    public static async Task<IReadOnlyList<PeopleCsvRow>> ReadAsync(
        TextReader text, List<ImportError> errors, ISet<string> refusedCodes, CancellationToken ct)
    {
        var rows = new List<PeopleCsvRow>();
        foreach (var record in await CsvTable.ReadAsync(text, Columns, [], errors, ct) ?? [])
        {
            var row = ParseRow(record.Line, record.Fields, errors);
            if (row is not null)
            {
                rows.Add(row);
            }
            else if (record.Fields[1].Length > 0)
            {
                refusedCodes.Add(record.Fields[1]);
            }
        }

        return rows;
    }

    private static PeopleCsvRow? ParseRow(int line, string[] f, List<ImportError> errors)
    {
        var before = errors.Count;
        void Error(string message) => errors.Add(new(line, message));

        var roleText = f[0];
        var hasRole = RoleNames.TryParse(roleText, out var role);
        if (!hasRole)
        {
            Error(roleText.Length == 0
                ? "role is empty"
                : $"role '{roleText}' is not one of {string.Join(", ", RoleNames.Each.Select(RoleNames.NameOf))}");
        }

        var code = f[1];
        if (code.Length == 0)
        {
            Error("code is empty");
        }
        else if (code.Length > MaxCodeLength)
        {
            Error($"code is longer than {MaxCodeLength} characters");
        }
        else if (code.Any(c => char.IsWhiteSpace(c) || c == ListSeparator))
        {
            Error($"code '{code}' must not contain spaces or '{ListSeparator}'");
        }

        var fullName = string.Join(' ', f[2].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (fullName.Length == 0)
        {
            Error("full_name is empty");
        }
        else if (fullName.Length > MaxNameLength)
        {
            Error($"full_name is longer than {MaxNameLength} characters");
        }

        string? phone = null;
        if (f[4].Length > 0 && !PhoneNumbers.TryNormalize(f[4], out phone!))
        {
            Error($"phone '{f[4]}' is not a phone number; write +996 and 9 digits (e.g. +996 555 123 456), or + and the international number");
        }

        var language = f[5].Length == 0 ? null : f[5].ToLowerInvariant();
        if (language is not null && !Languages.IsSupported(language))
        {
            Error($"language '{f[5]}' must be one of {string.Join(", ", Languages.All)}, or empty");
        }

        var groups = SplitList(f[3], StringComparer.OrdinalIgnoreCase);
        var students = SplitList(f[6], StringComparer.Ordinal);
        if (hasRole)
        {
            CheckGroups(role, groups, Error);
            CheckStudents(role, code, students, Error);
        }

        return errors.Count > before ? null : new(line, role, code, fullName, phone, language, groups, students);
    }

    private static void CheckGroups(Roles role, IReadOnlyList<string> groups, Action<string> error)
    {
        foreach (var name in groups.Where(g => g.Length > MaxGroupNameLength))
        {
            error($"group name '{name}' is longer than {MaxGroupNameLength} characters");
        }

        switch (role)
        {
            case Roles.Student when groups.Count == 0:
                error("a student needs a group");
                break;
            case Roles.Student when groups.Count > 1:
                error($"a student is in one group, not {groups.Count} ({string.Join(", ", groups)})");
                break;
            case Roles.Curator when groups.Count == 0:
                error("a curator needs the groups they curate in group, e.g. IT-1-23|IT-2-23");
                break;
            case not (Roles.Student or Roles.Curator) when groups.Count > 0:
                error($"group must be empty for a {RoleNames.NameOf(role)}; only students and curators have groups");
                break;
        }
    }

    private static void CheckStudents(Roles role, string code, IReadOnlyList<string> students, Action<string> error)
    {
        if (role == Roles.Parent && students.Count == 0)
        {
            error("a parent needs their children's codes in students, e.g. S1001|S1002");
        }
        else if (role != Roles.Parent && students.Count > 0)
        {
            error($"students must be empty for a {RoleNames.NameOf(role)}; only parents have them");
        }
        else if (students.Contains(code, StringComparer.Ordinal))
        {
            error($"{code} is listed as their own child");
        }
    }

    /// <summary>The values of a cell that may hold several, without blanks or repeats.</summary>
    private static IReadOnlyList<string> SplitList(string cell, StringComparer comparer) =>
        cell.Split(ListSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(comparer).ToList();
}
