using CollegeBot.FakeTelegram;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Bot.Tests.EndToEnd;

/// <summary>A curator records an absence; the student and the parents hear of it at once with the due date.</summary>
public sealed class AbsenceTests : IAsyncLifetime
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
    public async Task The_student_and_both_parents_are_told_in_their_languages_with_the_due_date()
    {
        var student = await bot.LinkAsync(BotHarness.StudentCode);
        var parent = await bot.LinkAsync(BotHarness.ParentCode);
        var mother = await bot.LinkAsync(BotHarness.SecondParentCode);

        var confirmation = await bot.AskAsync(curator, "/absent S1001 4 2026-11-20 Математика");
        var toStudent = await bot.Telegram.WaitForMessageAsync(student.ChatId);
        var toParent = await bot.Telegram.WaitForMessageAsync(parent.ChatId);

        // 20 Nov + 14 days = Friday 4 December.
        Assert.Contains("Записано: Айгерим Маратова пропустил(а) 4 часа", confirmation.Text);
        Assert.Contains("(Математика)", confirmation.Text);
        Assert.Contains("4 дек", confirmation.Text);
        Assert.Contains("4 саат сабак калтырдыңыз (Математика)", toStudent.Text);
        Assert.Contains("4 дек", toStudent.Text);
        Assert.Contains("Айгерим Маратова пропустил(а) 4 часа", toParent.Text);
        Assert.Contains("4 дек", toParent.Text);
        var toMother = await bot.Telegram.WaitForMessageAsync(mother.ChatId);
        Assert.Contains("Айгерим Маратова missed 4 hours on Fri 20 Nov 2026 (Математика)", toMother.Text);
        Assert.Contains("Fri 4 Dec, in 11 days", toMother.Text);
        Assert.DoesNotContain("не привяз", confirmation.Text);
        var absence = await bot.QueryAsync(db => db.Absences.AsNoTracking().SingleAsync());
        Assert.Equal(new DateOnly(2026, 12, 4), absence.CatchUpDueOn);
    }

    [Fact]
    public async Task The_curator_is_told_who_could_not_be_reached_with_their_phone()
    {
        var student = await bot.LinkAsync(BotHarness.StudentCode);

        var confirmation = await bot.AskAsync(curator, "/absent S1001 2");

        Assert.Contains("Марат Токтогулов, +996700111222 — не привязал(а) Telegram", confirmation.Text);
        await bot.Telegram.WaitForMessageAsync(student.ChatId);
        var parent = await bot.LinkAsync(BotHarness.ParentCode);
        var late = await bot.Telegram.WaitForMessageAsync(parent.ChatId, m => m.Text!.Contains("пропустил"));
        Assert.Contains("2 часа", late.Text);
    }

    [Fact]
    public async Task News_of_an_absence_made_up_before_the_parent_linked_is_dropped_not_sent()
    {
        await bot.AskAsync(curator, "/absent S1001 2 2026-11-20");
        await bot.AskAsync(curator, "/absent S1001 4 2026-11-23 Химия");
        await bot.AskAsync(curator, "/caughtup S1001 2026-11-20");

        var parent = await bot.LinkAsync(BotHarness.ParentCode);
        var waiting = await bot.Telegram.WaitForMessageAsync(parent.ChatId, m => m.Text!.Contains("пропустил"));

        Assert.Contains("Химия", waiting.Text);
        await Task.Delay(500);
        Assert.DoesNotContain(bot.Telegram.MessagesIn(parent.ChatId), m => m.Text!.Contains("20 нояб."));
        var dropped = await bot.QueryAsync(db => db.Outbox.Where(o => o.Status == Domain.Messaging.OutboxStatus.Dropped).ToListAsync());
        Assert.NotEmpty(dropped);
        Assert.All(dropped, o => Assert.Contains("no longer relevant", o.LastError));
    }

    [Fact]
    public async Task The_same_student_date_and_subject_twice_is_not_counted_twice()
    {
        await bot.AskAsync(curator, "/absent S1001 4 2026-11-20 Физика");
        var again = await bot.AskAsync(curator, "/absent S1001 4 2026-11-20  физика ");

        Assert.Contains("уже записан", again.Text);
        Assert.Equal(1, await bot.QueryAsync(db => db.Absences.CountAsync()));
    }

    [Theory]
    [InlineData("/absent S1001", "код студента и число пропущенных часов")]
    [InlineData("/absent S1001 0", "целое число от 1 до 12")]
    [InlineData("/absent S1001 13", "целое число от 1 до 12")]
    [InlineData("/absent S1001 2.5", "«2.5» не подходит")]
    [InlineData("/absent S1001 four", "«four» не подходит")]
    [InlineData("/absent S1001 2 2026-13-45", "Не могу прочитать дату «2026-13-45»")]
    [InlineData("/absent S1001 2 2026-11-24", "ещё не наступило")]
    [InlineData("/absent S1001 2 2026-10-20", "больше 30 дн. назад")]
    [InlineData("/absent S9999 2", "Студента с кодом S9999 нет")]
    [InlineData("/absent P2001 2", "Студента с кодом P2001 нет")]
    [InlineData("/absent S2001 2", "Eldar Sydykov не из вашей группы")]
    public async Task A_mistake_gets_an_answer_and_nothing_is_recorded(string command, string expected)
    {
        var reply = await bot.AskAsync(curator, command);

        Assert.Contains(expected, reply.Text);
        Assert.Equal(0, await bot.QueryAsync(db => db.Absences.CountAsync()));
        Assert.Equal(0, await bot.QueryAsync(db => db.Outbox.CountAsync(o => o.Kind == "absence.recorded")));
    }

    [Fact]
    public async Task A_subject_over_100_characters_is_refused()
    {
        var reply = await bot.AskAsync(curator, "/absent S1001 2 " + new string('x', 101));
        Assert.Contains("не больше 100 символов", reply.Text);
        Assert.Equal(0, await bot.QueryAsync(db => db.Absences.CountAsync()));
    }

    [Fact]
    public async Task Markup_in_a_subject_arrives_as_plain_text()
    {
        var reply = await bot.AskAsync(curator, "/absent S1001 2 <b>Химия</b> & <i>лаб</i>");
        Assert.Contains("(<b>Химия</b> & <i>лаб</i>)", reply.Text);
    }

    [Fact]
    public async Task Only_curators_teachers_and_admins_may_record()
    {
        var student = await bot.LinkAsync(BotHarness.StudentCode);
        var reply = await bot.AskAsync(student, "/absent S1002 2");

        Assert.Contains("/absent", reply.Text);
        Assert.Equal(0, await bot.QueryAsync(db => db.Absences.CountAsync()));
    }

    [Fact]
    public async Task Crossing_a_monthly_band_alerts_the_curator_once_and_from_the_second_band_the_parents()
    {
        var parent = await bot.LinkAsync(BotHarness.ParentCode);
        await RecordAsync("/absent S1001 4 2026-11-16");
        await RecordAsync("/absent S1001 4 2026-11-17");
        var band1 = await bot.Telegram.WaitForMessageAsync(curator.ChatId, m => m.Text!.Contains("⚠️"));
        Assert.Contains("8 часов", band1.Text);
        Assert.Contains("беседа со студентом", band1.Text);

        await RecordAsync("/absent S1001 2 2026-11-18");
        await RecordAsync("/absent S1001 4 2026-11-19");
        var band2 = await bot.Telegram.WaitForMessageAsync(curator.ChatId, m => m.Text!.Contains("⚠️"));
        Assert.Contains("14 часов", band2.Text);
        Assert.Contains("замечание", band2.Text);
        var toParent = await bot.Telegram.WaitForMessageAsync(parent.ChatId, m => m.Text!.Contains("⚠️"));
        Assert.Contains("14 часов", toParent.Text);

        await Task.Delay(300);
        Assert.Equal(2, bot.Telegram.MessagesIn(curator.ChatId).Count(m => m.Text!.Contains("⚠️")));
    }

    private async Task RecordAsync(string command)
    {
        await bot.Telegram.SendTextAsync(curator, command);
        await bot.Telegram.WaitForMessageAsync(curator.ChatId, m => m.Text!.Contains("Записано"));
    }
}
