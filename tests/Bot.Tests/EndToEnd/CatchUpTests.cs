using CollegeBot.Domain.Attendance;
using CollegeBot.FakeTelegram;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Bot.Tests.EndToEnd;

/// <summary>A curator signs off a made-up class by command or by button; the student and the parents hear of it.</summary>
public sealed class CatchUpTests : IAsyncLifetime
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
    public async Task Signing_off_by_command_tells_the_student_and_the_parent_and_confirms_to_the_curator()
    {
        var student = await bot.LinkAsync(BotHarness.StudentCode);
        var parent = await bot.LinkAsync(BotHarness.ParentCode);
        await RecordAsync("/absent S1001 4 2026-11-20 Математика");

        var confirmation = await AskAsync("/caughtup S1001");
        var toStudent = await bot.Telegram.WaitForMessageAsync(student.ChatId, m => m.Text!.StartsWith('✅'));
        var toParent = await bot.Telegram.WaitForMessageAsync(parent.ChatId, m => m.Text!.StartsWith('✅'));

        Assert.Contains("Отмечено: Айгерим Маратова отработал(а) 4 часа", confirmation.Text);
        Assert.Contains("(Математика)", confirmation.Text);
        Assert.Contains("толукталды деп белгиленди", toStudent.Text);
        Assert.Contains("(Математика)", toStudent.Text);
        Assert.Contains("Айгерим Маратова отработал(а) 4 часа", toParent.Text);
        var absence = await bot.QueryAsync(db => db.Absences.AsNoTracking().SingleAsync());
        var curatorId = (await bot.PersonAsync(BotHarness.CuratorCode)).Id;
        Assert.NotNull(absence.CaughtUpAt);
        Assert.Equal(curatorId, absence.CaughtUpById);
    }

    [Fact]
    public async Task Without_a_date_the_oldest_open_catch_up_is_signed_off_and_with_one_that_day()
    {
        await RecordAsync("/absent S1001 2 2026-11-20");
        await RecordAsync("/absent S1001 2 2026-11-16");
        await RecordAsync("/absent S1001 2 2026-11-18");

        Assert.Contains("Отмечено", (await AskAsync("/caughtup S1001")).Text);
        Assert.Contains("Отмечено", (await AskAsync("/caughtup S1001 2026-11-20")).Text);

        var open = await bot.QueryAsync(db => db.Absences.Where(a => a.CaughtUpAt == null).Select(a => a.Date).ToListAsync());
        Assert.Equal([new DateOnly(2026, 11, 18)], open);
    }

    [Theory]
    [InlineData("/caughtup", "Нужен код студента")]
    [InlineData("/caughtup S1001 2026-11-20 extra", "Нужен код студента")]
    [InlineData("/caughtup S1001 2026-13-45", "Не могу прочитать дату «2026-13-45»")]
    [InlineData("/caughtup S1001 20.11.2026", "Не могу прочитать дату «20.11.2026»")]
    [InlineData("/caughtup S9999", "Студента с кодом S9999 нет")]
    [InlineData("/caughtup P2001", "Студента с кодом P2001 нет")]
    [InlineData("/caughtup S2001", "Eldar Sydykov не из вашей группы")]
    [InlineData("/caughtup S1002", "У студента Бакыт Асанов нет открытых отработок")]
    [InlineData("/caughtup S1001 2026-11-19", "нет открытой отработки за")]
    public async Task A_refusal_says_why_and_changes_nothing(string command, string expected)
    {
        await RecordAsync("/absent S1001 4 2026-11-20");
        await InsertAbsenceAsync(BotHarness.OtherGroupStudentCode, new DateOnly(2026, 11, 20));

        var reply = await AskAsync(command);

        Assert.Contains(expected, reply.Text);
        Assert.Equal(0, await bot.QueryAsync(db => db.Absences.CountAsync(a => a.CaughtUpAt != null)));
        Assert.Equal(0, await bot.QueryAsync(db => db.Outbox.CountAsync(o => o.Kind == "catchup.signed")));
    }

    [Fact]
    public async Task Signing_off_the_same_day_twice_answers_already_done()
    {
        await RecordAsync("/absent S1001 4 2026-11-20");
        await AskAsync("/caughtup S1001 2026-11-20");
        var caughtUpAt = await bot.QueryAsync(db => db.Absences.Select(a => a.CaughtUpAt).SingleAsync());

        var again = await AskAsync("/caughtup S1001 2026-11-20");

        Assert.Contains("уже отмечена", again.Text);
        Assert.Equal(caughtUpAt, await bot.QueryAsync(db => db.Absences.Select(a => a.CaughtUpAt).SingleAsync()));
        Assert.Contains("нет открытых отработок", (await AskAsync("/caughtup S1001")).Text);
    }

    [Fact]
    public async Task Signing_off_by_button_tells_the_student_and_a_second_press_answers_already_done()
    {
        var student = await bot.LinkAsync(BotHarness.StudentCode);
        await RecordAsync("/absent S1001 4 2026-11-20");
        var view = await AskAsync("/group");
        var button = Assert.Single(view.InlineKeyboard.SelectMany(r => r));
        Assert.StartsWith("✅ Айгерим Маратова", button.Text);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(button.CallbackData!) <= 64);

        var first = await bot.Telegram.PressButtonAsync(curator, view, button.Text);
        var firstAnswer = await bot.Telegram.WaitForCallbackAnswerAsync(first);
        var confirmation = await bot.Telegram.WaitForMessageAsync(curator.ChatId, m => m.Text!.Contains("Отмечено"));
        var toStudent = await bot.Telegram.WaitForMessageAsync(student.ChatId, m => m.Text!.StartsWith('✅'));

        Assert.Contains("Отмечено: Айгерим Маратова", firstAnswer.Text);
        Assert.Contains("Отмечено: Айгерим Маратова отработал(а) 4 часа", confirmation.Text);
        Assert.Contains("толукталды деп белгиленди", toStudent.Text);
        Assert.NotNull(await bot.QueryAsync(db => db.Absences.Select(a => a.CaughtUpAt).SingleAsync()));

        var second = await bot.Telegram.PressButtonAsync(curator, view, button.Text);
        var secondAnswer = await bot.Telegram.WaitForCallbackAnswerAsync(second);

        Assert.Contains("Уже отмечено", secondAnswer.Text);
        Assert.Equal(3, await bot.QueryAsync(db => db.Outbox.CountAsync(o => o.Kind == "catchup.signed"))); // the student and both parents, once each
    }

    [Theory]
    [InlineData("other-group")]
    [InlineData("cu:999999")]
    [InlineData("cu:abc")]
    [InlineData("cu:")]
    public async Task A_forged_button_is_refused_with_a_toast_and_changes_nothing(string data)
    {
        await RecordAsync("/absent S1001 4 2026-11-20");
        var otherId = await InsertAbsenceAsync(BotHarness.OtherGroupStudentCode, new DateOnly(2026, 11, 20));
        var view = await AskAsync("/group");

        var query = await bot.Telegram.PressRawCallbackAsync(curator, view.MessageId, data == "other-group" ? $"cu:{otherId}" : data);
        var answer = await bot.Telegram.WaitForCallbackAnswerAsync(query);

        Assert.Contains("ничего не изменено", answer.Text);
        Assert.Equal(0, await bot.QueryAsync(db => db.Absences.CountAsync(a => a.CaughtUpAt != null)));
        Assert.Equal(0, await bot.QueryAsync(db => db.Outbox.CountAsync(o => o.Kind == "catchup.signed")));
    }

    [Fact]
    public async Task A_student_pressing_a_sign_off_button_changes_nothing()
    {
        var student = await bot.LinkAsync(BotHarness.StudentCode);
        await RecordAsync("/absent S1001 4 2026-11-20");
        var id = await bot.QueryAsync(db => db.Absences.Select(a => a.Id).SingleAsync());
        var some = await bot.Telegram.WaitForMessageAsync(student.ChatId);

        var query = await bot.Telegram.PressRawCallbackAsync(student, some.MessageId, $"cu:{id}");
        var answer = await bot.Telegram.WaitForCallbackAnswerAsync(query);

        Assert.NotNull(answer.Text);
        Assert.Null(await bot.QueryAsync(db => db.Absences.Select(a => a.CaughtUpAt).SingleAsync()));
    }

    /// <summary>Asks as the curator and skips notifications (a band alert, say) that may arrive before the answer.</summary>
    private async Task<BotMessage> AskAsync(string command)
    {
        await bot.Telegram.SendTextAsync(curator, command);
        return await bot.Telegram.WaitForMessageAsync(curator.ChatId, m => !m.Text!.StartsWith("⚠️", StringComparison.Ordinal));
    }

    private async Task RecordAsync(string command)
    {
        await bot.Telegram.SendTextAsync(curator, command);
        await bot.Telegram.WaitForMessageAsync(curator.ChatId, m => m.Text!.Contains("Записано"));
    }

    private async Task<long> InsertAbsenceAsync(string studentCode, DateOnly date)
    {
        await using var db = bot.Database.NewDb();
        var student = await db.People.SingleAsync(p => p.Code == studentCode);
        var absence = new Absence
        {
            StudentId = student.Id,
            Date = date,
            Hours = 2,
            SubjectKey = "",
            RecordedById = student.Id,
            RecordedAt = bot.Clock.UtcNow,
            CatchUpDueOn = date.AddDays(14),
        };
        db.Absences.Add(absence);
        await db.SaveChangesAsync();
        return absence.Id;
    }
}
