using CollegeBot.Domain.People;
using CollegeBot.Domain.People.Import;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Domain.WorkBasedLearning.Import;

/// <summary>The outcome of a placements import: either errors and no change at all, or the counts of what changed.</summary>
public sealed record PlacementImportReport(IReadOnlyList<ImportError> Errors, int Created, int Updated, int Unchanged, int OrganizationsCreated)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Organisations whose memorandum the file turned on (volunteering there may now count as practice).</summary>
    public IReadOnlyList<int> MemorandaSigned { get; init; } = [];

    internal static PlacementImportReport Failed(IEnumerable<ImportError> errors) => new([.. errors.OrderBy(e => e.Line)], 0, 0, 0, 0);
}

/// <summary>
/// Adds and updates placements from placements.csv, all or nothing: a file with any error changes nothing.
/// </summary>
/// <remarks>
/// A placement is matched on its student, form and first day (<c>starts_on</c>): the same file again changes nothing, and
/// a changed row (another mentor, a later last day) updates that placement in place. Changing <c>starts_on</c> makes it
/// another placement, which the overlap check then refuses while the old one stays. A student's placements must not
/// overlap, so a diary entry always knows its placement. Empty optional cells never erase (planned hours, contract and
/// order numbers, the memorandum). Organisations are matched by name ignoring case and extra spaces and created with the
/// file's spelling. Placements the file does not list are left alone.
/// </remarks>
public sealed class PlacementImporter(CollegeDb db, TimeProvider clock)
{
    public async Task<PlacementImportReport> ImportAsync(TextReader csv, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        var rows = await PlacementsCsv.ReadAsync(csv, errors, ct);
        CheckRowsAgree(rows, errors);

        var codes = rows.SelectMany(r => new[] { r.Student, r.Mentor, r.Supervisor }).Distinct(StringComparer.Ordinal).ToList();
        var people = (await db.People.Where(p => EF.Parameter(codes).Contains(p.Code)).ToListAsync(ct))
            .ToDictionary(p => p.Code, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            CheckPerson(row, row.Student, Roles.Student, "student", people, errors);
            CheckPerson(row, row.Mentor, Roles.Mentor, "mentor", people, errors);
            CheckPerson(row, row.Supervisor, Roles.Supervisor, "supervisor", people, errors);
        }

        var studentIds = rows.Select(r => people.GetValueOrDefault(r.Student)?.Id).OfType<int>().Distinct().ToList();
        var existing = await db.Placements.Where(p => EF.Parameter(studentIds).Contains(p.StudentId)).ToListAsync(ct);
        CheckOverlapsWithStored(rows, people, existing, errors);
        if (errors.Count > 0)
        {
            return PlacementImportReport.Failed(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (organizations, createdOrganizations, signed) = await OrganizationsAsync(rows, now, ct);
        int created = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            var student = people[row.Student];
            var placement = existing.FirstOrDefault(p => p.StudentId == student.Id && p.Form == row.Form && p.StartsOn == row.StartsOn);
            if (placement is null)
            {
                placement = new Placement { StudentId = student.Id, Form = row.Form, StartsOn = row.StartsOn, CreatedAt = now, UpdatedAt = now };
                db.Placements.Add(placement);
                created++;
                Apply(row, placement, organizations[PlacementsCsv.Fold(row.Organization)], people);
            }
            else if (Apply(row, placement, organizations[PlacementsCsv.Fold(row.Organization)], people))
            {
                placement.UpdatedAt = now;
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        // One SaveChanges is one transaction: the whole file or nothing.
        await db.SaveChangesAsync(ct);
        return new PlacementImportReport([], created, updated, unchanged, createdOrganizations)
        {
            MemorandaSigned = [.. signed.Select(o => o.Id)],
        };
    }

    /// <summary>No placement twice, no two placements of a student at once, one memorandum answer per organisation.</summary>
    private static void CheckRowsAgree(IReadOnlyList<PlacementRow> rows, List<ImportError> errors)
    {
        var memoranda = new Dictionary<string, PlacementRow>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var earlier = rows.Take(i).Where(r => r.Student == row.Student).ToList();
            if (earlier.FirstOrDefault(r => r.Key == row.Key) is { } same)
            {
                errors.Add(new(row.Line, $"the same placement (student, form and starts_on) as line {same.Line}"));
            }
            else if (earlier.FirstOrDefault(r => Overlap(r.StartsOn, r.EndsOn, row)) is { } other)
            {
                errors.Add(new(row.Line, $"{row.Student} already has a placement from {other.StartsOn:yyyy-MM-dd} to {other.EndsOn:yyyy-MM-dd} on line {other.Line}; a student's placements must not overlap"));
            }

            if (row.Memorandum is { } says)
            {
                if (memoranda.TryGetValue(row.Organization, out var first) && first.Memorandum != says)
                {
                    errors.Add(new(row.Line, $"memorandum of '{row.Organization}' is {YesNo(first.Memorandum)} on line {first.Line} but {YesNo(says)} here"));
                }
                else
                {
                    memoranda.TryAdd(row.Organization, row);
                }
            }
        }
    }

    private static void CheckPerson(PlacementRow row, string code, Roles role, string column, Dictionary<string, Person> people, List<ImportError> errors)
    {
        if (!people.TryGetValue(code, out var person))
        {
            errors.Add(new(row.Line, $"{column} {code} is not in the roster; import people.csv with them first"));
        }
        else if (!person.Has(role))
        {
            var roles = person.Roles == Roles.None ? "none" : string.Join(", ", RoleNames.Split(person.Roles).Select(RoleNames.NameOf));
            errors.Add(new(row.Line, $"{column} {code} ({person.FullName}) is not a {column} in the roster (roles: {roles}); give them a {column} row in people.csv"));
        }
    }

    /// <summary>A stored placement that the file does not update must not overlap one the file adds or changes.</summary>
    private static void CheckOverlapsWithStored(
        IReadOnlyList<PlacementRow> rows, Dictionary<string, Person> people, List<Placement> existing, List<ImportError> errors)
    {
        var keys = rows.Select(r => r.Key).ToHashSet();
        foreach (var row in rows.Where(r => people.ContainsKey(r.Student)))
        {
            var student = people[row.Student];
            var clash = existing.FirstOrDefault(p => p.StudentId == student.Id
                && !keys.Contains((row.Student, p.Form, p.StartsOn))
                && Overlap(p.StartsOn, p.EndsOn, row));
            if (clash is not null)
            {
                errors.Add(new(row.Line, $"{row.Student} already has a {WblForms.NameOf(clash.Form)} placement from {clash.StartsOn:yyyy-MM-dd} to {clash.EndsOn:yyyy-MM-dd}; a student's placements must not overlap (a placement is matched on student, form and starts_on)"));
            }
        }
    }

    private static bool Overlap(DateOnly startsOn, DateOnly endsOn, PlacementRow row) => startsOn <= row.EndsOn && row.StartsOn <= endsOn;

    private static string YesNo(bool? value) => value == true ? "yes" : "no";

    private async Task<(Dictionary<string, Organization> ByName, int Created, List<Organization> Signed)> OrganizationsAsync(
        IReadOnlyList<PlacementRow> rows, DateTime now, CancellationToken ct)
    {
        var byName = new Dictionary<string, Organization>(StringComparer.OrdinalIgnoreCase);
        foreach (var organization in await db.Organizations.OrderBy(o => o.Id).ToListAsync(ct))
        {
            byName.TryAdd(PlacementsCsv.Fold(organization.Name), organization);
        }

        var created = 0;
        var signed = new List<Organization>();
        foreach (var row in rows)
        {
            if (!byName.TryGetValue(row.Organization, out var organization))
            {
                organization = new Organization { Name = row.Organization, CreatedAt = now, UpdatedAt = now };
                db.Organizations.Add(organization);
                byName.Add(row.Organization, organization);
                created++;
            }

            if (row.Memorandum is { } says && organization.HasMemorandum != says)
            {
                organization.HasMemorandum = says;
                organization.UpdatedAt = now;
                if (says)
                {
                    signed.Add(organization);
                }
            }
        }

        return (byName, created, signed);
    }

    /// <returns>Whether anything about the placement changed.</returns>
    private static bool Apply(PlacementRow row, Placement placement, Organization organization, Dictionary<string, Person> people)
    {
        var before = (placement.Kind, placement.OrganizationId, placement.MentorId, placement.SupervisorId, placement.EndsOn,
            placement.PlannedHours, placement.ContractNo, placement.OrderNo);
        placement.Kind = row.Kind;
        placement.Organization = organization;
        if (organization.Id != 0)
        {
            placement.OrganizationId = organization.Id;
        }

        placement.MentorId = people[row.Mentor].Id;
        placement.SupervisorId = people[row.Supervisor].Id;
        placement.EndsOn = row.EndsOn;
        placement.PlannedHours = row.PlannedHours ?? placement.PlannedHours;
        placement.ContractNo = row.ContractNo ?? placement.ContractNo;
        placement.OrderNo = row.OrderNo ?? placement.OrderNo;

        // A new organisation has no id yet: the navigation carries it and counts as a change.
        return organization.Id == 0 || before != (placement.Kind, placement.OrganizationId, placement.MentorId, placement.SupervisorId,
            placement.EndsOn, placement.PlannedHours, placement.ContractNo, placement.OrderNo);
    }
}
