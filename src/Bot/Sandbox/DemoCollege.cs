using System.Globalization;
using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.People.Import;
using CollegeBot.Domain.Persistence;
using CollegeBot.Domain.WorkBasedLearning;
using CollegeBot.Domain.WorkBasedLearning.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollegeBot.Bot.Sandbox;

/// <summary>A person of the demo college as the sandbox lists them; <paramref name="Group"/> is a student's group or a curator's groups.</summary>
public sealed record DemoPerson(string Code, string FullName, Roles Roles, string Language, long TelegramUserId, string? Group)
{
    /// <summary>A linked person, loaded with their group and curated groups.</summary>
    public static DemoPerson Of(Person p, string defaultLanguage) => new(
        p.Code,
        p.FullName,
        p.Roles,
        p.Language ?? defaultLanguage,
        p.TelegramUserId ?? 0,
        p.Group?.Name ?? (p.CuratedGroups.Count > 0 ? string.Join('|', p.CuratedGroups.Select(c => c.Group!.Name).Order()) : null));
}

/// <summary>
/// The college the offline sandbox starts with: two groups with their curators, a dozen students, their parents, three
/// mentors, a supervisor and an admin (<c>demo-people.csv</c>), five placements (<c>demo-placements.csv</c>), and a few
/// weeks of absences, excuses and diaries, so that every view has content from the first minute.
/// </summary>
/// <remarks>
/// Everything goes through the real services (the importers, the recorder, the sign-off, the excuse desk, the diary
/// review), so the data is what the bot itself would have made; only the diary entries of earlier days, which no service
/// writes, are inserted as <see cref="DiaryDesk"/> inserts them. The seeding is one transaction into an empty, migrated database:
/// a database that holds people already is refused and left as it is.
/// </remarks>
public sealed class DemoCollege(
    CollegeDb db,
    PeopleImporter peopleImporter,
    PlacementImporter placementImporter,
    Memoranda memoranda,
    AbsenceRecorder recorder,
    CatchUpSignOff signOff,
    ExcuseDesk excuses,
    DiaryReview review,
    CatchUpPolicy policy,
    CollegeCalendar calendar,
    IOptions<AttendanceOptions> attendance,
    IOptions<CollegeOptions> college)
{
    /// <summary>The day the dates of <c>demo-placements.csv</c> are written for; they move by as many days as today is after it.</summary>
    public static readonly DateOnly FileToday = new(2026, 11, 23);

    /// <summary>The volunteer organisation that has a memorandum with the university.</summary>
    public const string MemorandumOrganization = "Кызыл Жарым Ай";

    /// <summary>The proof sent with the demo excuses when the sandbox gives no file id of its own: Telegram does not know it.</summary>
    public const string PlaceholderPhotoFileId = "demo-sample-excuse";

    private const string ResourcePrefix = "CollegeBot.Bot.Sandbox.";

    private static readonly Lazy<byte[]> SamplePhotoBytes = new(() =>
    {
        using var stream = Resource("sample-excuse.png");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    });

    /// <summary>The roster, in the format of people.csv.</summary>
    public static string PeopleCsv => ReadText("demo-people.csv");

    /// <summary>The placements, in the format of placements.csv, dated for <see cref="FileToday"/>.</summary>
    public static string PlacementsCsv => ReadText("demo-placements.csv");

    /// <summary>A small PNG of a medical certificate: the demo excuses' proof, and a photo to send in the sandbox; a copy of its own each time, read from the program once.</summary>
    public static byte[] SamplePhoto => [.. SamplePhotoBytes.Value];

    /// <inheritdoc cref="SeedAsync(Func{Person, long}, string, CancellationToken)"/>
    public Task<IReadOnlyList<DemoPerson>> SeedAsync(Func<Person, long> accountFor, CancellationToken ct) =>
        SeedAsync(accountFor, PlaceholderPhotoFileId, ct);

    /// <summary>
    /// Imports the demo roster and placements, links every person to the Telegram account <paramref name="accountFor"/>
    /// gives them, and writes the past weeks; every message this caused is marked delivered.
    /// </summary>
    /// <param name="excusePhotoFileId">A Telegram file id of <see cref="SamplePhoto"/> (the excuses' proof is sent by it).</param>
    /// <returns>The people, in the order of the roster file.</returns>
    /// <exception cref="InvalidOperationException">The database holds people already; nothing was changed.</exception>
    public async Task<IReadOnlyList<DemoPerson>> SeedAsync(Func<Person, long> accountFor, string excusePhotoFileId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var already = await db.People.CountAsync(ct);
        if (already > 0)
        {
            throw new InvalidOperationException(
                $"The demo college is seeded into an empty database only; this one holds {already} people already.");
        }

        await ImportAsync(ct);
        var people = await LinkAsync(accountFor, ct);
        var placements = await db.Placements
            .Include(p => p.Student).Include(p => p.Mentor).Include(p => p.Organization)
            .ToDictionaryAsync(p => p.Student!.Code, StringComparer.Ordinal, ct);

        var past = new DemoTimeline(db, calendar);
        new DemoAttendance(recorder, signOff, excuses, policy, attendance.Value, past).Plan(people, new Attachment(excusePhotoFileId, IsPhoto: true));
        new DemoDiary(db, review, calendar, past).Plan(placements);
        await past.PlayAsync(ct);
        await past.DeliveredAsync(calendar.UtcNow, ct);
        await transaction.CommitAsync(ct);
        return await ListAsync(ct);
    }

    /// <summary>
    /// <c>demo-placements.csv</c> with its dates moved from <see cref="FileToday"/> to <paramref name="today"/>, so the
    /// practice that ends tomorrow there ends tomorrow here. The file has no quoted cells, so its lines split on commas.
    /// </summary>
    public static string PlacementsFor(DateOnly today)
    {
        var shift = today.DayNumber - FileToday.DayNumber;
        var lines = PlacementsCsv.ReplaceLineEndings("\n").Split('\n');
        var header = lines[0].Split(',');
        int[] dates = [Array.IndexOf(header, "starts_on"), Array.IndexOf(header, "ends_on")];
        var moved = lines.Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var cells = line.Split(',');
            foreach (var i in dates)
            {
                var date = DateOnly.ParseExact(cells[i], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                cells[i] = date.AddDays(shift).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            return string.Join(',', cells);
        });
        return string.Join('\n', moved.Prepend(lines[0])) + "\n";
    }

    private async Task ImportAsync(CancellationToken ct)
    {
        var people = await peopleImporter.ImportAsync(new StringReader(PeopleCsv), ct);
        Refuse("demo-people.csv", people.Errors);
        var placements = await placementImporter.ImportAsync(new StringReader(PlacementsFor(calendar.Today)), ct);
        Refuse("demo-placements.csv", placements.Errors);
        if (await memoranda.SetAsync(MemorandumOrganization, hasMemorandum: true, ct) is not MemorandumResult.Set)
        {
            throw new InvalidOperationException($"demo-placements.csv has no organization '{MemorandumOrganization}'.");
        }

        await db.SaveChangesAsync(ct);
    }

    private static void Refuse(string file, IReadOnlyList<ImportError> errors)
    {
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{file} does not import: {string.Join("; ", errors)}");
        }
    }

    /// <summary>Links everyone as <see cref="Domain.People.Invites.AccountLinker"/> links one person, without the welcome.</summary>
    private async Task<Dictionary<string, Person>> LinkAsync(Func<Person, long> accountFor, CancellationToken ct)
    {
        var now = calendar.UtcNow;
        var people = await db.People.ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, ct);
        foreach (var person in people.Values)
        {
            var account = accountFor(person);
            person.LinkTo(account, account, now);
        }

        await db.SaveChangesAsync(ct);
        return people;
    }

    private async Task<IReadOnlyList<DemoPerson>> ListAsync(CancellationToken ct)
    {
        var people = await db.People.AsNoTracking()
            .Include(p => p.Group).Include(p => p.CuratedGroups).ThenInclude(c => c.Group)
            .ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, ct);
        var order = PeopleCsv.ReplaceLineEndings("\n").Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[1]).Distinct();
        return
        [
            .. order.Select(code => DemoPerson.Of(people[code], college.Value.DefaultLanguage)),
        ];
    }

    private static string ReadText(string name)
    {
        using var reader = new StreamReader(Resource(name));
        return reader.ReadToEnd();
    }

    private static Stream Resource(string name) =>
        typeof(DemoCollege).Assembly.GetManifestResourceStream(ResourcePrefix + name)
        ?? throw new InvalidOperationException($"The resource {ResourcePrefix}{name} is not built into the program.");
}
