using System.Globalization;
using System.Text;
using CollegeBot.Domain.People;
using CollegeBot.Domain.People.Import;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollegeBot.Benchmarks;

/// <summary>A roster of one group: N students and their curator, imported as the import verb imports it.</summary>
public static class Roster
{
    public const string Group = "BENCH-1";
    public const string CuratorCode = "T0001";

    public static string StudentCode(int index) => $"S{index + 1:D5}";

    public static string Csv(int students)
    {
        var csv = new StringBuilder("role,code,full_name,group,phone,language,students\n");
        for (var i = 0; i < students; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"student,{StudentCode(i)},Student Number {i + 1},{Group},,{Languages(i)},\n");
        }

        csv.Append(CultureInfo.InvariantCulture, $"curator,{CuratorCode},Curator Of {Group},{Group},+996555000111,ru,\n");
        return csv.ToString();
    }

    public static async Task ImportAsync(BenchHost host, int students, CancellationToken ct)
    {
        var report = await host.InScopeAsync(sp =>
            sp.GetRequiredService<PeopleImporter>().ImportAsync(new StringReader(Csv(students)), ct));
        if (!report.Succeeded)
        {
            throw new InvalidOperationException("The benchmark roster did not import: " + string.Join("; ", report.Errors));
        }
    }

    /// <summary>Links people to Telegram users directly in the database, as if each had opened their invite.</summary>
    public static Task LinkAsync(BenchHost host, IReadOnlyDictionary<string, long> userIdByCode, CancellationToken ct) =>
        host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CollegeDb>();
            var now = DateTime.UtcNow;
            var codes = userIdByCode.Keys.ToList();
            foreach (var person in await db.People.Where(p => codes.Contains(p.Code)).ToListAsync(ct))
            {
                person.TelegramUserId = userIdByCode[person.Code];
                person.ChatId = userIdByCode[person.Code];
                person.LinkedAt = now;
            }

            return await db.SaveChangesAsync(ct);
        });

    public static Task<List<Person>> StudentsAsync(BenchHost host, CancellationToken ct) =>
        host.InScopeAsync(sp => sp.GetRequiredService<CollegeDb>().People
            .Where(p => p.Code != CuratorCode).OrderBy(p => p.Code).ToListAsync(ct));

    // The three languages, so rendering is exercised in each.
    private static string Languages(int i) => (i % 3) switch { 0 => "ky", 1 => "ru", _ => "en" };
}
