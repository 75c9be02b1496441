using System.Globalization;
using CollegeBot.FakeTelegram;

namespace CollegeBot.Bot.Tests.EndToEnd;

/// <summary>
/// /wbl: the supervisor's placements, problems first and marked; an admin's all; other roles refused. /my: the student's
/// placement and diary beside their absences.
/// </summary>
public sealed class WblOverviewTests : IAsyncLifetime
{
    private BotHarness bot = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await bot.DisposeAsync();

    // The harness clock: Monday 23 November 2026, 15:00 in Bishkek.
    [Fact]
    public async Task A_supervisor_sees_their_placements_with_the_silent_volunteer_first()
    {
        bot = await WblSetup.StartAsync();
        var supervisor = await bot.LinkAsync(WblSetup.Supervisor);
        await WriteAndGradeAsync("4");

        var view = (await bot.AskAsync(supervisor, "/wbl")).Text!;

        Assert.StartsWith("🧭 Placements you supervise: 2; with problems (⚠️): 1, listed first.", view);
        Assert.Contains("⚠️ Eldar Sydykov — volunteering at Red Crescent, Sun 1 Nov 2026 – Thu 31 Dec 2026\nMentor: Ermek Toktosunov\n" +
            "Diary: 0 entries, 0 graded, 0 waiting for review, 0 returned for revision\nLast entry: none yet · last review: none yet\n" +
            "❗ No diary entry for 19 working days", view); // every day since the first but the four Sundays
        Assert.Contains("🟢 Chynara Bekova — production practice at Kyrgyztelecom, Mon 16 Nov 2026 – Fri 11 Dec 2026\nMentor: Gulnara Isaeva\n" +
            "Diary: 1 entry, 1 graded (average 4), 0 waiting for review, 0 returned for revision\n" +
            "Last entry: Mon 23 Nov, today · last review: Mon 23 Nov, today", view);
        Assert.True(view.IndexOf("Eldar", StringComparison.Ordinal) < view.IndexOf("Chynara", StringComparison.Ordinal));
        Assert.DoesNotContain("Айгерим", view); // supervised by Asel
        Assert.DoesNotContain("supervisor:", view);
        Assert.EndsWith("Placements that ended more than 30 days ago are not shown.", view);
    }

    [Fact]
    public async Task Overdue_reviews_and_a_missing_final_review_come_first_once_they_are_due()
    {
        // Chynara's practice ends on Wednesday 25 November.
        bot = await WblSetup.StartAsync(WblSetup.Placements.Replace("2026-11-16,2026-12-11", "2026-11-16,2026-11-25"));
        var supervisor = await bot.LinkAsync(WblSetup.Supervisor);
        var student = await bot.LinkAsync(WblSetup.EnglishStudent);
        await bot.AskAsync(student, "/diary Configured the router");

        bot.Clock.Advance(TimeSpan.FromDays(3)); // Thursday: the entry has waited three days, the practice is over
        var late = (await bot.AskAsync(supervisor, "/wbl")).Text!;
        Assert.Contains("⚠️ Chynara Bekova", late);
        Assert.Contains("❗ 1 entry waiting for the mentor's review for more than 2 days", late);
        Assert.Contains("Final review: asked of the mentor on the last day, not received yet", late);

        bot.Clock.Advance(TimeSpan.FromDays(2)); // Saturday: three days after the last day
        var missing = (await bot.AskAsync(supervisor, "/wbl")).Text!;
        Assert.Contains("❗ Ended Wed 25 Nov, 3 days ago, and the mentor's final review has not come", missing);
        Assert.DoesNotContain("Final review: asked", missing);
        Assert.True(missing.IndexOf("Chynara", StringComparison.Ordinal) < missing.IndexOf("Eldar", StringComparison.Ordinal)); // two problems before one
    }

    [Fact]
    public async Task An_admin_sees_every_placement_with_its_supervisor_in_their_language()
    {
        bot = await WblSetup.StartAsync(roster: WblSetup.Roster.Replace("admin,A0001,Admin Office,,,en,", "admin,A0001,Admin Office,,,ru,"));
        var admin = await bot.LinkAsync(WblSetup.Admin);

        var view = (await bot.AskAsync(admin, "/wbl")).Text!;

        Assert.StartsWith("🧭 Все практики: 3; с проблемами (⚠️): 3, они первыми.", view);
        Assert.Contains("⚠️ Айгерим Маратова — дуальное обучение, Kyrgyztelecom, вт 1 сент. 2026 – ср 30 июн. 2027", view);
        Assert.Contains("Наставник: Gulnara Isaeva · руководитель: Asel Karimova", view);
        Assert.Contains("Дневник: 0 записей, оценено 0, ждут оценки 0, возвращено на доработку 0", view);
        Assert.Contains("❗ Нет записей в дневнике 19 рабочих дней", view);
        Assert.Contains("Chynara Bekova — практика (производственная)", view);
        Assert.Contains("руководитель: Dina Petrova", view);
    }

    [Fact]
    public async Task Other_roles_are_refused_and_a_supervisor_without_placements_is_told_so()
    {
        bot = await WblSetup.StartAsync(WblSetup.Placements.Replace("S1001,dual,,Kyrgyztelecom,M01,U02,2026-09-01,2027-06-30,,,\n", ""));
        var mentor = await bot.LinkAsync(WblSetup.Mentor);
        var student = await bot.LinkAsync(WblSetup.EnglishStudent);
        var idle = await bot.LinkAsync(WblSetup.OtherSupervisor);

        Assert.Contains("/wbl is for: practice supervisor, administrator", (await bot.AskAsync(mentor, "/wbl")).Text);
        Assert.Contains("/wbl is for", (await bot.AskAsync(student, "/wbl")).Text);
        Assert.Contains("You supervise no placement that is going on, is coming, or ended within the last 30 days.", (await bot.AskAsync(idle, "/wbl")).Text);
        Assert.Contains("/wbl — Placements I oversee", (await bot.AskAsync(idle, "/help")).Text);
        Assert.DoesNotContain("/wbl", (await bot.AskAsync(mentor, "/help")).Text);
    }

    [Fact]
    public async Task A_long_overview_arrives_in_messages_that_fit_telegram()
    {
        const int students = 40;
        var codes = Enumerable.Range(1, students).Select(i => "S" + (3000 + i).ToString(CultureInfo.InvariantCulture)).ToList();
        var roster = WblSetup.Roster + "\n" + string.Concat(codes.Select(c => $"student,{c},Student {c} with a rather long family name,IT-3-23,,en,\n"));
        var placements = WblSetup.Placements + "\n" + string.Concat(codes.Select(c => $"{c},practice,educational,Bishkek Software Park,M02,U01,2026-11-02,2026-12-18,,,\n"));
        bot = await WblSetup.StartAsync(placements, roster);
        var supervisor = await bot.LinkAsync(WblSetup.Supervisor);
        await WriteAndGradeAsync("5");

        await bot.Telegram.SendTextAsync(supervisor, "/wbl");
        var pieces = new List<BotMessage> { await bot.Telegram.WaitForMessageAsync(supervisor.ChatId) };
        while (!pieces[^1].Text!.EndsWith("are not shown.", StringComparison.Ordinal))
        {
            pieces.Add(await bot.Telegram.WaitForMessageAsync(supervisor.ChatId));
        }

        Assert.InRange(pieces.Count, 2, 10);
        Assert.All(pieces, p => Assert.InRange(p.Text!.Length, 1, 4096));
        var whole = string.Join("\n", pieces.Select(p => p.Text));
        Assert.StartsWith("🧭 Placements you supervise: 42; with problems (⚠️): 41", whole);
        Assert.Equal(41, whole.Split('\n').Count(l => l.StartsWith("⚠️ ", StringComparison.Ordinal)));
        Assert.True(whole.IndexOf("🟢 Chynara Bekova", StringComparison.Ordinal) > whole.LastIndexOf("⚠️ ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task My_shows_a_students_placement_even_without_absences()
    {
        bot = await WblSetup.StartAsync();
        var student = await bot.LinkAsync(WblSetup.KyrgyzStudent);

        var before = (await bot.AskAsync(student, "/my")).Text!;
        Assert.DoesNotContain("Бул айда сабак калтырган жоксуз", before); // not "nothing to show"
        Assert.Contains("Бул айда калтырылган сабак жок.", before);
        Assert.Contains("🧭 Менин практикам: дуалдык окутуу, Kyrgyztelecom, шейш. 1 сен. 2026 – шарш. 30 июн. 2027", before);
        Assert.Contains("Насаатчы: Gulnara Isaeva · жетекчи: Asel Karimova", before);
        Assert.Contains("Күндөлүк: 0 жазуу", before);
        Assert.Contains("📔 Бүгүнкү күндөлүк жазуусу азырынча жок", before);

        await bot.AskAsync(student, "/diary Сервер орноттум 5h");
        var after = (await bot.AskAsync(student, "/my")).Text!;
        Assert.Contains("Күндөлүк: 1 жазуу, бааланганы 0, баа күтүүдө 1, оңдоого кайтарылганы 0", after);
        Assert.Contains("✅ Бүгүнкү күндөлүк жазуусу жазылды.", after);

        var other = await bot.LinkAsync("S2002"); // no placement, no absences
        Assert.Contains("You have missed nothing this month", (await bot.AskAsync(other, "/my")).Text);
    }

    [Fact]
    public async Task My_shows_the_graded_diary_and_a_coming_placement_with_its_distance()
    {
        bot = await WblSetup.StartAsync(WblSetup.Placements.Replace("S2001,volunteering,,Red Crescent,M02,U01,2026-11-01", "S2001,volunteering,,Red Crescent,M02,U01,2026-12-01"));
        var student = await WriteAndGradeAsync("5");

        var mine = (await bot.AskAsync(student, "/my")).Text!;
        Assert.Contains("🧭 My placement: production practice at Kyrgyztelecom, Mon 16 Nov 2026 – Fri 11 Dec 2026", mine);
        Assert.Contains("Mentor: Gulnara Isaeva · supervisor: Dina Petrova", mine);
        Assert.Contains("Diary: 1 entry, 1 graded (average 5), 0 waiting for review, 0 returned for revision", mine);
        Assert.Contains("✅ Today's diary entry is written.", mine);

        var volunteer = await bot.LinkAsync(WblSetup.Volunteer);
        var coming = (await bot.AskAsync(volunteer, "/my")).Text!;
        Assert.Contains("🧭 My coming placement: volunteering at Red Crescent, Tue 1 Dec, in 8 days – Thu 31 Dec 2026", coming);
        Assert.DoesNotContain("Diary:", coming);
    }

    /// <summary>Chynara writes today's entry and her mentor Gulnara grades it; returns Chynara.</summary>
    private async Task<FakeUser> WriteAndGradeAsync(string grade)
    {
        var mentor = await bot.LinkAsync(WblSetup.Mentor);
        var student = await bot.LinkAsync(WblSetup.EnglishStudent);
        await bot.AskAsync(student, "/diary Configured the router 6h");
        var card = await bot.Telegram.WaitForMessageAsync(mentor.ChatId, m => m.Text!.Contains("Chynara"));
        await bot.Telegram.PressButtonAsync(mentor, card, grade);
        await bot.Telegram.WaitForMessageAsync(student.ChatId, m => m.Text!.StartsWith('✅'));
        return student;
    }
}
