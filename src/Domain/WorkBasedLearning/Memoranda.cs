using CollegeBot.Domain.Persistence;
using CollegeBot.Domain.WorkBasedLearning.Import;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Domain.WorkBasedLearning;

/// <summary>What came of setting an organisation's memorandum flag.</summary>
public abstract record MemorandumResult
{
    private MemorandumResult()
    {
    }

    /// <summary>The flag is now <see cref="Organization.HasMemorandum"/>; <paramref name="Changed"/> is false when it already was.</summary>
    public sealed record Set(Organization Organization, bool Changed) : MemorandumResult;

    /// <summary>No organisation has this name; <paramref name="Similar"/> are those whose name contains it.</summary>
    public sealed record Unknown(string Name, IReadOnlyList<string> Similar) : MemorandumResult;
}

/// <summary>
/// Whether an organisation has a cooperation memorandum with the university (needed for the volunteering rule, item 33),
/// set by an admin in the chat as well as by placements.csv. Names match as in the import: case and extra spaces ignored.
/// Setting it re-checks the volunteering there, so volunteers who already have the hours hear it now. Does not save.
/// </summary>
public sealed class Memoranda(CollegeDb db, VolunteeringRule volunteering, TimeProvider clock)
{
    public async Task<IReadOnlyList<Organization>> ListAsync(CancellationToken ct) =>
        [.. (await db.Organizations.AsNoTracking().ToListAsync(ct)).OrderBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase)];

    public async Task<MemorandumResult> SetAsync(string name, bool hasMemorandum, CancellationToken ct)
    {
        var wanted = PlacementsCsv.Fold(name);
        var all = await db.Organizations.ToListAsync(ct);
        var organization = all.FirstOrDefault(o => string.Equals(PlacementsCsv.Fold(o.Name), wanted, StringComparison.OrdinalIgnoreCase));
        if (organization is null)
        {
            return new MemorandumResult.Unknown(wanted, [.. all.Where(o => o.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase)).Select(o => o.Name).Order().Take(10)]);
        }

        var changed = organization.HasMemorandum != hasMemorandum;
        if (changed)
        {
            organization.HasMemorandum = hasMemorandum;
            organization.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        }

        if (hasMemorandum)
        {
            // Also when it was set already: a check that failed before is made good this way.
            await volunteering.CheckOrganizationAsync(organization, ct);
        }

        return new MemorandumResult.Set(organization, changed);
    }
}
