using System.Text;
using CollegeBot.Domain.Attendance;
using CollegeBot.FakeTelegram;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Bot.Tests.EndToEnd;

/// <summary>/group, /my and /child: the month's hours and every open catch-up with its due date, overdue marked.</summary>
public sealed class ViewsTests : IAsyncLifetime
{
    private BotHarness bot = null!;
    private FakeUser curator = null!;

    // The harness clock: Monday 23 November 2026, 15:00 in Bishkek.
    public async Task InitializeAsync()
    {
        bot = await (await BotHarness.CreateAsync()).StartBotAsync();
        curator = await bot.LinkAsync(BotHarness.CuratorCode, "ru");
    }

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task Group_shows_hours_per_student_and_open_catch_ups_with_due_dates()
    {
        await RecordAsync("/absent S1001 4 2026-11-20 Математика");
        await InsertAbsenceAsync(BotHarness.StudentCode, new DateOnly(2026, 11, 2), 2, excused: true, catchUp: false);

        var view = await bot.AskAsync(curator, "/group");

        Assert.Contains("IT-1-23 — Ноябрь 2026", view.Text);
        Assert.Contains("Айгерим Маратова — 6 ч: по уважительной причине 2, без уважительной 4", view.Text);
        Assert.Contains("Бакыт Асанов — 0 ч: по уважительной причине 0, без уважительной 0", view.Text);
        Assert.Contains("(Математика), 4 ч — отработать до пт 4 дек.", view.Text);
        Assert.DoesNotContain("⏰", view.Text);
        Assert.DoesNotContain("Eldar", view.Text);
        Assert.Single(view.InlineKeyboard.SelectMany(r => r));
    }

    [Fact]
    public async Task Group_marks_overdue_catch_ups_once_the_due_date_has_passed()
    {
        await RecordAsync("/absent S1001 4 2026-11-20 Математика");
        bot.Clock.Advance(TimeSpan.FromDays(12)); // Saturday 5 December; it was due on Friday 4 December.

        var view = await bot.AskAsync(curator, "/group");

        Assert.Contains("IT-1-23 — Декабрь 2026", view.Text);
        Assert.Contains("Айгерим Маратова — 0 ч", view.Text); // a new month, yet the old catch-up is still open
        Assert.Contains("⏰", view.Text);
        Assert.Contains("просрочено, срок был пт 4 дек., вчера", view.Text);
    }

    [Fact]
    public async Task My_shows_the_students_absences_and_open_catch_ups_in_their_language()
    {
        var student = await bot.LinkAsync(BotHarness.StudentCode);
        var empty = await bot.AskAsync(student, "/my");
        Assert.Contains("Бул айда сабак калтырган жоксуз", empty.Text);

        await RecordAsync("/absent S1001 4 2026-11-20 Математика");
        await InsertAbsenceAsync(BotHarness.StudentCode, new DateOnly(2026, 11, 2), 2, excused: true, catchUp: false);
        await bot.Telegram.WaitForMessageAsync(student.ChatId, m => m.Text!.StartsWith("📋 Сиз", StringComparison.Ordinal));

        var view = await bot.AskAsync(student, "/my");

        Assert.Contains("Калтырган сабактарым — Ноябрь 2026", view.Text);
        Assert.Contains("4 саат, себепсиз", view.Text);
        Assert.Contains("2 саат, жүйөлүү себеп менен", view.Text);
        Assert.Contains("Бул айда: 6 саат калтырылды, анын ичинен себепсиз 4 саат", view.Text);
        Assert.Contains("Толуктоо керек:", view.Text);
        Assert.Contains("11 күндөн кийин", view.Text); // due Friday 4 December
        Assert.DoesNotContain("⏰", view.Text);

        bot.Clock.Advance(TimeSpan.FromDays(12));
        var late = await bot.AskAsync(student, "/my");
        Assert.Contains("⏰", late.Text);
        Assert.Contains("мөөнөтү өттү", late.Text);
        Assert.Contains("Бул айда калтырылган сабак жок", late.Text);
    }

    [Fact]
    public async Task Child_shows_each_child_of_the_parent()
    {
        var parent = await bot.LinkAsync(BotHarness.ParentCode);
        await RecordAsync("/absent S1001 4 2026-11-20 Математика");
        await bot.Telegram.WaitForMessageAsync(parent.ChatId, m => m.Text!.Contains("пропустил(а)"));

        var view = await bot.AskAsync(parent, "/child");

        Assert.Contains("Айгерим Маратова — Ноябрь 2026", view.Text);
        Assert.Contains("4 ч, без уважительной причины", view.Text);
        Assert.Contains("Нужно отработать:", view.Text);
        Assert.Contains("до пт 4 дек., через 11 дней", view.Text);
        Assert.Contains("Бакыт Асанов: в этом месяце пропусков нет", view.Text);
        Assert.DoesNotContain("Eldar", view.Text);
    }

    [Fact]
    public async Task Only_students_use_my_and_only_parents_use_child()
    {
        var student = await bot.LinkAsync(BotHarness.StudentCode);
        Assert.Contains("/child", (await bot.AskAsync(student, "/child")).Text);
        Assert.Contains("/my", (await bot.AskAsync(curator, "/my")).Text);
        Assert.Contains("/group", (await bot.AskAsync(student, "/group")).Text);
    }

    [Fact]
    public async Task A_long_group_list_arrives_in_pieces_within_the_telegram_limit()
    {
        var roster = new StringBuilder("role,code,full_name,group,phone,language,students\n");
        for (var i = 1; i <= 80; i++)
        {
            roster.Append($"student,L{i:000},Студент Длиннофамильный Номер {i:000},IT-1-23,,ru,\n");
        }

        await bot.ImportAsync(roster.ToString());
        for (var i = 1; i <= 80; i++)
        {
            await InsertAbsenceAsync($"L{i:000}", new DateOnly(2026, 11, 16 + (i % 5)), 2, subject: "Объектно-ориентированное программирование");
        }

        await bot.Telegram.SendTextAsync(curator, "/group");
        var pieces = new List<BotMessage>();
        do
        {
            pieces.Add(await bot.Telegram.WaitForMessageAsync(curator.ChatId));
        }
        while (pieces[^1].InlineKeyboard.Count == 0);

        Assert.True(pieces.Count >= 3, $"{pieces.Count} pieces");
        Assert.All(pieces, p => Assert.True(p.RawText!.Length <= 4096, $"{p.RawText!.Length} characters"));
        var all = string.Join("\n", pieces.Select(p => p.Text));
        Assert.Contains("Студент Длиннофамильный Номер 001", all);
        Assert.Contains("Студент Длиннофамильный Номер 080", all);
        Assert.Contains("Кнопки показаны для первых 50", pieces[^1].Text);
        Assert.Equal(50, pieces[^1].InlineKeyboard.SelectMany(r => r).Count());
    }

    private async Task RecordAsync(string command)
    {
        await bot.Telegram.SendTextAsync(curator, command);
        await bot.Telegram.WaitForMessageAsync(curator.ChatId, m => m.Text!.Contains("Записано"));
    }

    private async Task InsertAbsenceAsync(string studentCode, DateOnly date, int hours, bool excused = false, string? subject = null, bool catchUp = true)
    {
        await using var db = bot.Database.NewDb();
        var student = await db.People.SingleAsync(p => p.Code == studentCode);
        db.Absences.Add(new Absence
        {
            StudentId = student.Id,
            Date = date,
            Hours = hours,
            Subject = subject,
            SubjectKey = Absence.KeyOf(subject),
            RecordedById = student.Id,
            RecordedAt = bot.Clock.UtcNow,
            Excused = excused,
            CatchUpDueOn = catchUp ? date.AddDays(14) : null,
        });
        await db.SaveChangesAsync();
    }
}
