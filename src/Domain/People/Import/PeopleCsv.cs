using CollegeBot.Domain.College;
using CsvHelper;

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
        var options = CsvReaderOptions.Default with
        {
            // Fixed, not detected: the '|' inside cells must never be taken for the separator.
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,

            // A roster never has line breaks inside a value, so one stray quote costs one line, not the rest of the file.
            AllowLineBreaksInQuotes = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = bad => errors.Add(new((int)bad.LineNumber, Describe(bad.Reason))),
        };

        await using var reader = CsvReader.Create(text, options, leaveOpen: true);
        await reader.ReadHeaderAsync(ct);
        var columns = FindColumns(reader, errors);
        if (columns is null)
        {
            return [];
        }

        var rows = new List<PeopleCsvRow>();
        while (await reader.ReadAsync(ct))
        {
            var line = (int)reader.LineNumber;
            if (Enumerable.Range(0, reader.FieldCount).All(i => reader.IsEmpty(i) || reader.GetString(i).Trim().Length == 0))
            {
                continue;
            }

            if (reader.FieldCount > reader.Headers.Count)
            {
                errors.Add(new(line, $"{reader.FieldCount} values but the header has {reader.Headers.Count} columns; put a value that contains a comma in double quotes"));
                continue;
            }

            var fields = columns.Select(i => i < reader.FieldCount ? reader.GetString(i).Trim() : "").ToArray();
            var row = ParseRow(line, fields, errors);
            if (row is not null)
            {
                rows.Add(row);
            }
            else if (fields[1].Length > 0)
            {
                refusedCodes.Add(fields[1]);
            }
        }

        return rows;
    }

    /// <summary>The index of each of <see cref="Columns"/> in the file, or null when one is missing or doubled.</summary>
    private static int[]? FindColumns(CsvReader reader, List<ImportError> errors)
    {
        var header = reader.Headers;
        if (header.Count == 0)
        {
            errors.Add(new(1, $"the file is empty; the first line must be the header {string.Join(',', Columns)}"));
            return null;
        }

        var before = errors.Count;
        var indexes = new int[Columns.Count];
        for (var c = 0; c < Columns.Count; c++)
        {
            var name = Columns[c];
            var matches = header.Count(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
            if (matches > 1)
            {
                errors.Add(new(1, $"column '{name}' appears {matches} times in the header"));
            }
            else if (matches == 0 || !reader.TryGetFieldIndex(name, out indexes[c]))
            {
                errors.Add(new(1, $"the header has no column '{name}'"));
            }
        }

        if (errors.Count > before && header.Count == 1 && header[0].Contains(';'))
        {
            errors.Add(new(1, "the header looks separated by ';'; save the file as comma-separated CSV (UTF-8)"));
        }

        return errors.Count > before ? null : indexes;
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

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a double quote inside a value that is not in quotes; put the whole value in double quotes and double the quotes inside it",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing double quote of a value; put the whole value in double quotes and double the quotes inside it",
        CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.LineBreakInQuotes => "a double quote opens a value but does not close it on this line",
        _ => "bad CSV quoting",
    };
}
