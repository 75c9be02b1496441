using System.Globalization;
using CollegeBot.Domain.Import;
using CollegeBot.Domain.People.Import;

namespace CollegeBot.Domain.WorkBasedLearning.Import;

/// <summary>One valid row of placements.csv: one placement of one student.</summary>
internal sealed record PlacementRow(
    int Line, string Student, WblForm Form, WblKind Kind, string Organization, string Mentor, string Supervisor,
    DateOnly StartsOn, DateOnly EndsOn, int? PlannedHours, string? ContractNo, string? OrderNo, bool? Memorandum)
{
    /// <summary>What a placement is matched on: importing the same file again finds the same placements.</summary>
    public (string Student, WblForm Form, DateOnly StartsOn) Key => (Student, Form, StartsOn);
}

/// <summary>
/// Reads placements.csv (<c>student,form,kind,organization,mentor,supervisor,starts_on,ends_on,planned_hours,contract_no,order_no</c>
/// and an optional <c>memorandum</c>) and checks each row on its own; what spans rows or needs the database is the
/// <see cref="PlacementImporter"/>'s business.
/// </summary>
internal static class PlacementsCsv
{
    public static readonly IReadOnlyList<string> Columns =
        ["student", "form", "kind", "organization", "mentor", "supervisor", "starts_on", "ends_on", "planned_hours", "contract_no", "order_no"];

    public static readonly IReadOnlyList<string> OptionalColumns = ["memorandum"];

    // The same lengths as the columns of the organizations and placements tables.
    public const int MaxCodeLength = PeopleCsv.MaxCodeLength;
    public const int MaxOrganizationLength = 200;
    public const int MaxNumberLength = 64;
    public const int MaxPlannedHours = 10_000;

    public static async Task<IReadOnlyList<PlacementRow>> ReadAsync(TextReader text, List<ImportError> errors, CancellationToken ct)
    {
        var rows = new List<PlacementRow>();
        foreach (var record in await CsvTable.ReadAsync(text, Columns, OptionalColumns, errors, ct) ?? [])
        {
            if (ParseRow(record.Line, record.Fields, errors) is { } row)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    /// <summary>A name as the college means it: spaces folded, case ignored when compared.</summary>
    public static string Fold(string name) => string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static PlacementRow? ParseRow(int line, string[] f, List<ImportError> errors)
    {
        var before = errors.Count;
        void Error(string message) => errors.Add(new(line, message));

        var student = Code("student", f[0], Error);
        var mentor = Code("mentor", f[4], Error);
        var supervisor = Code("supervisor", f[5], Error);
        if (student.Length > 0 && (student == mentor || student == supervisor))
        {
            Error($"{student} cannot be their own {(student == mentor ? "mentor" : "supervisor")}");
        }

        var hasForm = WblForms.TryParse(f[1], out WblForm form);
        if (!hasForm)
        {
            Error(f[1].Length == 0 ? "form is empty" : $"form '{f[1]}' is not one of {string.Join(", ", WblForms.FormNames)}");
        }

        var kind = hasForm ? Kind(form, f[2], Error) : WblKind.None;

        var organization = Fold(f[3]);
        if (organization.Length == 0)
        {
            Error("organization is empty");
        }
        else if (organization.Length > MaxOrganizationLength)
        {
            Error($"organization is longer than {MaxOrganizationLength} characters");
        }

        var startsOn = Date("starts_on", f[6], Error);
        var endsOn = Date("ends_on", f[7], Error);
        if (startsOn is { } s && endsOn is { } e && e < s)
        {
            Error($"ends_on {e:yyyy-MM-dd} is before starts_on {s:yyyy-MM-dd}");
        }

        int? hours = null;
        if (f[8].Length > 0)
        {
            if (int.TryParse(f[8], NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h is >= 1 and <= MaxPlannedHours)
            {
                hours = h;
            }
            else
            {
                Error($"planned_hours '{f[8]}' must be a whole number of hours from 1 to {MaxPlannedHours}, or empty");
            }
        }

        var contract = Number("contract_no", f[9], Error);
        var order = Number("order_no", f[10], Error);
        bool? memorandum = f[11].ToLowerInvariant() switch
        {
            "" => null,
            "yes" => true,
            "no" => false,
            _ => Refuse($"memorandum '{f[11]}' must be yes, no or empty", Error),
        };

        return errors.Count > before
            ? null
            : new(line, student, form, kind, organization, mentor, supervisor, startsOn!.Value, endsOn!.Value, hours, contract, order, memorandum);
    }

    private static string Code(string column, string code, Action<string> error)
    {
        if (code.Length == 0)
        {
            error($"{column} is empty");
        }
        else if (code.Length > MaxCodeLength || code.Any(char.IsWhiteSpace))
        {
            error($"{column} '{code}' is not a person's code (no spaces, at most {MaxCodeLength} characters)");
        }

        return code;
    }

    private static WblKind Kind(WblForm form, string text, Action<string> error)
    {
        var allowed = WblForms.KindsOf(form);
        var formName = WblForms.NameOf(form);
        var names = string.Join(", ", allowed.Select(WblForms.NameOf));
        if (allowed.Count == 0)
        {
            if (text.Length > 0)
            {
                error($"kind must be empty for {formName}; only practice and internship have kinds");
            }

            return WblKind.None;
        }

        if (text.Length == 0)
        {
            error($"{formName} needs a kind: {names}");
        }
        else if (!WblForms.TryParse(text, out WblKind kind) || !allowed.Contains(kind))
        {
            error($"kind '{text}' is not a kind of {formName}; use one of {names}");
        }
        else
        {
            return kind;
        }

        return WblKind.None;
    }

    private static DateOnly? Date(string column, string text, Action<string> error)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        error(text.Length == 0 ? $"{column} is empty" : $"{column} '{text}' is not a date; write YYYY-MM-DD, e.g. 2026-11-23");
        return null;
    }

    private static string? Number(string column, string text, Action<string> error)
    {
        if (text.Length > MaxNumberLength)
        {
            error($"{column} is longer than {MaxNumberLength} characters");
        }

        return text.Length == 0 ? null : text;
    }

    private static bool? Refuse(string message, Action<string> error)
    {
        error(message);
        return null;
    }
}
