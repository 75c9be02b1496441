using CollegeBot.Domain.WorkBasedLearning.Import;

namespace CollegeBot.Bot.Tests.EndToEnd;

/// <summary>
/// A roster with workplace mentors and practice supervisors, and their placements, for the work-based-learning tests.
/// The harness clock stands at Monday 23 November 2026, 15:00 in Bishkek.
/// </summary>
internal static class WblSetup
{
    public const string EnglishStudent = "S1003";
    public const string KyrgyzStudent = "S1001";
    public const string Volunteer = "S2001";
    public const string Mentor = "M01";
    public const string OtherMentor = "M02";
    public const string Supervisor = "U01";
    public const string OtherSupervisor = "U02";
    public const string Admin = "A0001";

    public const string Roster = """
        role,code,full_name,group,phone,language,students
        student,S1001,Айгерим Маратова,IT-1-23,+996555123456,ky,
        student,S1003,Chynara Bekova,IT-1-23,,en,
        student,S2001,Eldar Sydykov,IT-2-23,,en,
        student,S2002,Nurbek Usenov,IT-2-23,,en,
        mentor,M01,Gulnara Isaeva,,,en,
        mentor,M02,Ermek Toktosunov,,,en,
        supervisor,U01,Dina Petrova,,,en,
        supervisor,U02,Asel Karimova,,,en,
        admin,A0001,Admin Office,,,en,
        """;

    /// <summary>
    /// Chynara's production practice (until Friday 11 December) and Aigerim's dual education with Gulnara as the mentor,
    /// Eldar's volunteering with Ermek; Dina supervises the first and the last, Asel the dual one. S2002 has none.
    /// </summary>
    public const string Placements = """
        student,form,kind,organization,mentor,supervisor,starts_on,ends_on,planned_hours,contract_no,order_no
        S1003,practice,production,Kyrgyztelecom,M01,U01,2026-11-16,2026-12-11,160,C-17,O-55
        S1001,dual,,Kyrgyztelecom,M01,U02,2026-09-01,2027-06-30,,,
        S2001,volunteering,,Red Crescent,M02,U01,2026-11-01,2026-12-31,40,,
        """;

    public static async Task<BotHarness> StartAsync(string placements = Placements, string roster = Roster)
    {
        var bot = await BotHarness.CreateAsync(roster: roster);
        await ImportPlacementsAsync(bot, placements);
        return await bot.StartBotAsync();
    }

    public static async Task ImportPlacementsAsync(BotHarness bot, string csv)
    {
        await using var db = bot.Database.NewDb();
        var report = await new PlacementImporter(db, bot.Clock).ImportAsync(new StringReader(csv), CancellationToken.None);
        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
    }
}
