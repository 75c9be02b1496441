using CollegeBot.Domain.People.Import;
using CollegeBot.Domain.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CollegeBot.Bot.Cli;

/// <summary><c>import people.csv</c>: all or nothing; each bad line is named with its reason.</summary>
public static class ImportVerb
{
    public static async Task<int> RunAsync(string[] args, IHost host, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        using (host)
        {
            if (args.Length != 1)
            {
                return Verbs.Print(errors, "Usage: import <people.csv>", 2);
            }

            if (!File.Exists(args[0]))
            {
                return Verbs.Print(errors, $"There is no file '{args[0]}'.", 2);
            }

            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            await using var scope = host.Services.CreateAsyncScope();
            using var reader = new StreamReader(args[0], detectEncodingFromByteOrderMarks: true);
            var report = await scope.ServiceProvider.GetRequiredService<PeopleImporter>().ImportAsync(reader, ct);
            if (!report.Succeeded)
            {
                foreach (var error in report.Errors)
                {
                    await errors.WriteLineAsync($"{args[0]}: {error}");
                }

                return Verbs.Print(errors, $"Nothing was imported: {report.Errors.Count} problem(s) to fix first.", 1);
            }

            return Verbs.Print(output,
                $"Imported {args[0]}: {report.Created} new, {report.Updated} updated, {report.Unchanged} unchanged; {report.GroupsCreated} new group(s).", 0);
        }
    }
}
