using CollegeBot.Domain.People.Import;
using CollegeBot.Domain.Persistence;
using CollegeBot.Domain.WorkBasedLearning;
using CollegeBot.Domain.WorkBasedLearning.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CollegeBot.Bot.Cli;

/// <summary><c>import people.csv</c> and <c>import-placements placements.csv</c>: all or nothing; each bad line is named with its reason.</summary>
public static class ImportVerb
{
    public static Task<int> PeopleAsync(string[] args, IHost host, TextWriter output, TextWriter errors, CancellationToken ct = default) =>
        RunAsync("import <people.csv>", args, host, output, errors, async (services, file, reader) =>
        {
            var report = await services.GetRequiredService<PeopleImporter>().ImportAsync(reader, ct);
            return (report.Errors,
                $"Imported {file}: {report.Created} new, {report.Updated} updated, {report.Unchanged} unchanged; {report.GroupsCreated} new group(s).");
        }, ct);

    public static Task<int> PlacementsAsync(string[] args, IHost host, TextWriter output, TextWriter errors, CancellationToken ct = default) =>
        RunAsync("import-placements <placements.csv>", args, host, output, errors, async (services, file, reader) =>
        {
            var report = await services.GetRequiredService<PlacementImporter>().ImportAsync(reader, ct);
            await CheckVolunteeringAsync(services, report.MemorandaSigned, ct);
            return (report.Errors,
                $"Imported {file}: {report.Created} new placement(s), {report.Updated} updated, {report.Unchanged} unchanged; {report.OrganizationsCreated} new organization(s).");
        }, ct);

    /// <summary>Volunteers at an organisation the file gave a memorandum who have the hours already hear it now.</summary>
    private static async Task CheckVolunteeringAsync(IServiceProvider services, IReadOnlyList<int> organizationIds, CancellationToken ct)
    {
        if (organizationIds.Count == 0)
        {
            return;
        }

        var db = services.GetRequiredService<CollegeDb>();
        var volunteering = services.GetRequiredService<VolunteeringRule>();
        foreach (var organization in await db.Organizations.Where(o => organizationIds.Contains(o.Id)).ToListAsync(ct))
        {
            await volunteering.CheckOrganizationAsync(organization, ct);
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task<int> RunAsync(
        string usage, string[] args, IHost host, TextWriter output, TextWriter errors,
        Func<IServiceProvider, string, TextReader, Task<(IReadOnlyList<ImportError> Errors, string Done)>> import, CancellationToken ct)
    {
        using (host)
        {
            if (args.Length != 1)
            {
                return Verbs.Print(errors, $"Usage: {usage}", 2);
            }

            if (!File.Exists(args[0]))
            {
                return Verbs.Print(errors, $"There is no file '{args[0]}'.", 2);
            }

            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            await using var scope = host.Services.CreateAsyncScope();
            using var reader = new StreamReader(args[0], detectEncodingFromByteOrderMarks: true);
            var (problems, done) = await import(scope.ServiceProvider, args[0], reader);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await errors.WriteLineAsync($"{args[0]}: {problem}");
                }

                return Verbs.Print(errors, $"Nothing was imported: {problems.Count} problem(s) to fix first.", 1);
            }

            return Verbs.Print(output, done, 0);
        }
    }
}
