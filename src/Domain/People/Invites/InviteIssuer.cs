using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Domain.People.Invites;

/// <summary>
/// Issues invite codes for people who have not linked a Telegram account yet (or for one person by code, to move
/// a link): one code per person, whatever their roles, since one person links one account. A new code revokes the person's earlier unused ones, so each
/// person holds one valid code at a time. Unlike the linker, this is an admin's job on its own: it saves.
/// </summary>
public sealed class InviteIssuer(CollegeDb db, TimeProvider clock)
{
    public const int DefaultValidDays = 30;

    public Task<IssueResult> IssueAsync(InviteFilter filter, CancellationToken ct) => IssueAsync(filter, DefaultValidDays, ct);

    public async Task<IssueResult> IssueAsync(InviteFilter filter, int validDays, CancellationToken ct)
    {
        if (validDays < 1)
        {
            return IssueResult.Failed($"an invite must be valid for at least 1 day, not {validDays}");
        }

        var role = Roles.None;
        if (!string.IsNullOrWhiteSpace(filter.Role) && !RoleNames.TryParse(filter.Role, out role))
        {
            return IssueResult.Failed(
                $"unknown role '{filter.Role.Trim()}'; use one of {string.Join(", ", RoleNames.Each.Select(RoleNames.NameOf))}");
        }

        Group? group = null;
        if (!string.IsNullOrWhiteSpace(filter.Group))
        {
            group = await FindGroupAsync(filter.Group.Trim(), ct);
            if (group is null)
            {
                return IssueResult.Failed($"unknown group '{filter.Group.Trim()}'");
            }
        }

        var personCode = string.IsNullOrWhiteSpace(filter.Person) ? null : filter.Person.Trim();
        if (personCode is not null && !await db.People.AnyAsync(p => p.Code == personCode, ct))
        {
            return IssueResult.Failed($"unknown person '{personCode}'");
        }

        var people = await SelectAsync(role, group, personCode, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await RevokeUnusedAsync([.. people.Select(p => p.Id)], now, ct);

        var invites = new List<IssuedInvite>(people.Count);
        foreach (var person in people)
        {
            var code = InviteCodes.Generate();
            db.InviteCodes.Add(new InviteCode
            {
                PersonId = person.Id,
                CodeHash = InviteCodes.Hash(code),
                CreatedAt = now,
                ExpiresAt = now.AddDays(validDays),
            });
            invites.Add(new IssuedInvite(
                person.Code,
                string.Join('|', RoleNames.Split(person.Roles).Select(RoleNames.NameOf)),
                person.FullName,
                string.Join('|', GroupsOf(person)),
                code));
        }

        await db.SaveChangesAsync(ct);

        // Sorted for handing out: group by group, then by name.
        return new IssueResult(
            [.. invites.OrderBy(i => i.Group, StringComparer.Ordinal).ThenBy(i => i.FullName, StringComparer.Ordinal).ThenBy(i => i.Code, StringComparer.Ordinal)],
            null);
    }

    /// <summary>Group names are matched ignoring case, as the importer matches them.</summary>
    private async Task<Group?> FindGroupAsync(string name, CancellationToken ct)
    {
        // In memory: the groups are few, and SQLite's lower() folds ASCII only, not Cyrillic names.
        var groups = await db.Groups.OrderBy(g => g.Id).ToListAsync(ct);
        return groups.FirstOrDefault(g => g.Name == name)
            ?? groups.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Unlinked people (or the one person asked for, linked or not) with the role, if any, tied to the group, if any:
    /// its students, its curators and their parents.
    /// </summary>
    private async Task<List<Person>> SelectAsync(Roles role, Group? group, string? code, CancellationToken ct)
    {
        var query = code is null
            ? db.People.Where(p => p.TelegramUserId == null && p.Roles != Roles.None)
            : db.People.Where(p => p.Code == code);
        if (role != Roles.None)
        {
            query = query.Where(p => (p.Roles & role) == role);
        }

        if (group is not null)
        {
            var id = group.Id;
            query = query.Where(p => p.GroupId == id
                || p.CuratedGroups.Any(c => c.GroupId == id)
                || p.Children.Any(c => c.Child!.GroupId == id));
        }

        return await query
            .Include(p => p.Group)
            .Include(p => p.CuratedGroups).ThenInclude(c => c.Group)
            .Include(p => p.Children).ThenInclude(c => c.Child).ThenInclude(c => c!.Group)
            .AsSplitQuery()
            .ToListAsync(ct);
    }

    private async Task RevokeUnusedAsync(List<int> personIds, DateTime now, CancellationToken ct)
    {
        var unused = await db.InviteCodes
            .Where(c => EF.Parameter(personIds).Contains(c.PersonId) && c.UsedAt == null && c.RevokedAt == null)
            .ToListAsync(ct);
        foreach (var code in unused)
        {
            code.RevokedAt = now;
        }
    }

    private static IEnumerable<string> GroupsOf(Person person) =>
        new[] { person.Group?.Name }
            .Concat(person.CuratedGroups.Select(c => c.Group?.Name))
            .Concat(person.Children.Select(c => c.Child?.Group?.Name))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
}
