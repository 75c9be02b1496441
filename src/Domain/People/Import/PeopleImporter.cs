using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Domain.People.Import;

/// <summary>
/// Adds and updates people and groups from people.csv, all or nothing: a file with any error changes nothing.
/// </summary>
/// <remarks>
/// The file is the truth for the people it lists, matched by code: their name, their roles (exactly the roles
/// of their rows), a student's group, a curator's groups and a parent's children are replaced. Empty optional
/// cells never erase: an empty phone keeps the stored one, and so does an empty language. A language in the file
/// is only written for someone who has not linked their account yet or has none, because once linked the
/// language is the person's own choice. People the file does not list are left alone. Group names match existing
/// groups ignoring case; new groups are created with the file's spelling.
/// </remarks>
public sealed class PeopleImporter(CollegeDb db, TimeProvider clock)
{
    public async Task<ImportReport> ImportAsync(TextReader csv, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        var refused = new HashSet<string>(StringComparer.Ordinal);
        var rows = await PeopleCsv.ReadAsync(csv, errors, refused, ct);
        var plan = ImportPlan.Merge(rows, errors, refused);

        var codes = plan.Keys.Concat(plan.Values.SelectMany(p => p.ChildCodes)).Distinct(StringComparer.Ordinal).ToList();
        var existing = await LoadPeopleAsync(codes, ct);
        ImportPlan.CheckChildren(plan, existing, refused, errors);
        if (errors.Count > 0)
        {
            return ImportReport.Failed(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var groups = await GroupsAsync(plan.Values, ct);
        var people = new Dictionary<string, Person>(existing, StringComparer.Ordinal);
        var added = new HashSet<Person>();
        int updated = 0, unchanged = 0;

        // People first, so that every child exists (old or new) when parents are linked to them below.
        foreach (var planned in plan.Values)
        {
            if (people.TryGetValue(planned.Code, out var person))
            {
                continue;
            }

            person = new Person { Code = planned.Code, FullName = planned.FullName, CreatedAt = now, UpdatedAt = now };
            db.People.Add(person);
            people.Add(planned.Code, person);
            added.Add(person);
        }

        foreach (var planned in plan.Values)
        {
            var person = people[planned.Code];
            var changed = Apply(planned, person, groups.ByName, people);
            if (added.Contains(person))
            {
                continue;
            }

            if (changed)
            {
                person.UpdatedAt = now;
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        // One SaveChanges is one transaction: the whole file or nothing.
        await db.SaveChangesAsync(ct);
        return new ImportReport([], added.Count, updated, unchanged, groups.Created);
    }

    /// <summary>Every person the file names, as a person or as a child, in a few queries rather than one per row.</summary>
    private async Task<Dictionary<string, Person>> LoadPeopleAsync(List<string> codes, CancellationToken ct)
    {
        // One array parameter, not one parameter per code: a big file would pass the provider's parameter limit.
        var found = await db.People
            .Where(p => EF.Parameter(codes).Contains(p.Code))
            .Include(p => p.CuratedGroups)
            .Include(p => p.Children)
            .AsSplitQuery()
            .ToListAsync(ct);
        return found.ToDictionary(p => p.Code, StringComparer.Ordinal);
    }

    private async Task<(Dictionary<string, Group> ByName, int Created)> GroupsAsync(IEnumerable<PlannedPerson> plan, CancellationToken ct)
    {
        var byName = new Dictionary<string, Group>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in await db.Groups.OrderBy(g => g.Id).ToListAsync(ct))
        {
            byName.TryAdd(group.Name, group);
        }

        var created = 0;
        foreach (var name in plan.SelectMany(p => p.CuratedGroups.Append(p.StudentGroup)).OfType<string>())
        {
            if (!byName.ContainsKey(name))
            {
                var group = new Group { Name = name };
                db.Groups.Add(group);
                byName.Add(name, group);
                created++;
            }
        }

        return (byName, created);
    }

    /// <returns>Whether anything about the person changed.</returns>
    private bool Apply(PlannedPerson planned, Person person, Dictionary<string, Group> groups, Dictionary<string, Person> people)
    {
        var changed = false;
        if (person.FullName != planned.FullName)
        {
            person.FullName = planned.FullName;
            changed = true;
        }

        if (planned.Phone is not null && person.Phone != planned.Phone)
        {
            person.Phone = planned.Phone;
            changed = true;
        }

        if (planned.Language is not null && person.Language != planned.Language && (person.Language is null || !person.IsLinked))
        {
            person.Language = planned.Language;
            changed = true;
        }

        if (person.Roles != planned.Roles)
        {
            person.Roles = planned.Roles;
            changed = true;
        }

        changed |= SetGroup(person, planned.StudentGroup is null ? null : groups[planned.StudentGroup]);
        changed |= SetCuratedGroups(person, [.. planned.CuratedGroups.Select(n => groups[n]).Distinct()]);
        changed |= SetChildren(person, [.. planned.ChildCodes.Select(c => people[c]).Distinct()]);
        return changed;
    }

    private static bool SetGroup(Person person, Group? group)
    {
        if (group is null)
        {
            if (person.GroupId is null && person.Group is null)
            {
                return false;
            }

            (person.GroupId, person.Group) = (null, null);
            return true;
        }

        if (group.Id != 0 && person.GroupId == group.Id)
        {
            return false;
        }

        // A new group has no id yet; the navigation carries it and the key is filled in on saving.
        person.Group = group;
        if (group.Id != 0)
        {
            person.GroupId = group.Id;
        }

        return true;
    }

    private bool SetCuratedGroups(Person curator, IReadOnlyList<Group> wanted)
    {
        var stale = curator.CuratedGroups.Where(c => !wanted.Any(g => g.Id != 0 && g.Id == c.GroupId)).ToList();
        var missing = wanted.Where(g => !curator.CuratedGroups.Any(c => g.Id != 0 && g.Id == c.GroupId)).ToList();
        foreach (var link in stale)
        {
            curator.CuratedGroups.Remove(link);
            db.GroupCurators.Remove(link);
        }

        foreach (var group in missing)
        {
            curator.CuratedGroups.Add(new GroupCurator { Group = group, Curator = curator });
        }

        return stale.Count + missing.Count > 0;
    }

    private bool SetChildren(Person parent, IReadOnlyList<Person> wanted)
    {
        var stale = parent.Children.Where(c => !wanted.Any(p => p.Id != 0 && p.Id == c.ChildId)).ToList();
        var missing = wanted.Where(p => !parent.Children.Any(c => p.Id != 0 && p.Id == c.ChildId)).ToList();
        foreach (var link in stale)
        {
            parent.Children.Remove(link);
            db.ParentChildren.Remove(link);
        }

        foreach (var child in missing)
        {
            parent.Children.Add(new ParentChild { Parent = parent, Child = child });
        }

        return stale.Count + missing.Count > 0;
    }
}
