using CollegeBot.Domain.WorkBasedLearning;
using CollegeBot.FakeTelegram;
using CollegeBot.Scheduler;
using CollegeBot.Scheduler.WorkBasedLearning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollegeBot.Bot.Tests.EndToEnd;

/// <summary>
/// Nobody silent: the scans DiaryReminders, ReviewReminders and PlacementEnd run at chosen times of the fake clock, as
/// their Quartz jobs will; each reminder comes exactly once however often they run.
/// </summary>
public sealed class WblScanTests : IAsyncLifetime
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private BotHarness bot = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await bot.DisposeAsync();

    // The harness clock: Monday 23 November 2026, 15:00 in Bishkek.
    [Fact]
    public async Task A_silent_student_is_reminded_once_per_silence()
    {
        bot = await WblSetup.StartAsync();
        var student = await bot.LinkAsync(WblSetup.EnglishStudent);
        await bot.AskAsync(student, "/diary Configured the router");

        // The two other students with placements have written nothing since their start: they are reminded at once.
        Assert.Equal(2, await bot.RunJobAsync(DiaryRemindersScan.Name));
        bot.Clock.Advance(Day);
        Assert.Equal(0, await bot.RunJobAsync(DiaryRemindersScan.Name)); // Tuesday: one working day without an entry

        bot.Clock.Advance(Day);
        Assert.Equal(1, await bot.RunJobAsync(DiaryRemindersScan.Name)); // Wednesday: two
        Assert.Equal(0, await bot.RunJobAsync(DiaryRemindersScan.Name));
        bot.Clock.Advance(Day);
        Assert.Equal(0, await bot.RunJobAsync(DiaryRemindersScan.Name)); // Thursday: the same silence

        var reminder = await bot.Telegram.WaitForMessageAsync(student.ChatId, m => m.Text!.StartsWith("📔 You have not written"));
        Assert.Contains("for 2 working days (the last entry is of Mon 23 Nov 2026). What did you do at Kyrgyztelecom?", reminder.Text);
        Assert.Single(bot.Telegram.MessagesIn(student.ChatId), m => m.Text!.StartsWith("📔 You have not written"));

        // A new entry ends the silence; Friday and Saturday without one start the next.
        await bot.AskAsync(student, "/diary Documented the network");
        bot.Clock.Advance(2 * Day);
        Assert.Equal(1, await bot.RunJobAsync(DiaryRemindersScan.Name));
        Assert.Contains("the last entry is of Thu 26 Nov 2026", (await bot.Telegram.WaitForMessageAsync(student.ChatId, m => m.Text!.StartsWith("📔 You have not written"))).Text);
    }

    [Fact]
    public async Task A_silent_mentor_is_reminded_once_a_day_with_one_message_listing_the_entries()
    {
        bot = await WblSetup.StartAsync();
        var mentor = await WrittenBothAsync();

        bot.Clock.Advance(2 * Day);
        Assert.Equal(0, await bot.RunJobAsync(ReviewRemindersScan.Name)); // waiting exactly two days, not more
        bot.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await bot.RunJobAsync(ReviewRemindersScan.Name));
        Assert.Equal(0, await bot.RunJobAsync(ReviewRemindersScan.Name));

        var reminder = await bot.Telegram.WaitForMessageAsync(mentor.ChatId, m => m.Text!.StartsWith('⏰'));
        Assert.Contains("2 diary entries of your mentees are waiting for your review", reminder.Text);
        Assert.Contains("• Айгерим Маратова, Mon 23 Nov 2026 — waiting 2 days", reminder.Text);
        Assert.Contains("• Chynara Bekova, Mon 23 Nov 2026 — waiting 2 days", reminder.Text);

        bot.Clock.Advance(Day);
        Assert.Equal(1, await bot.RunJobAsync(ReviewRemindersScan.Name));
        Assert.Equal(0, await bot.RunJobAsync(ReviewRemindersScan.Name));
        Assert.Contains("waiting 3 days", (await bot.Telegram.WaitForMessageAsync(mentor.ChatId, m => m.Text!.StartsWith('⏰'))).Text);
        Assert.Equal(2, bot.Telegram.MessagesIn(mentor.ChatId).Count(m => m.Text!.StartsWith('⏰')));
        Assert.Equal(0, await bot.QueryAsync(db => db.Outbox.CountAsync(o => o.Kind == "review.escalation")));
    }

    [Fact]
    public async Task After_five_days_each_supervisor_is_told_once_which_mentor_and_how_many()
    {
        bot = await WblSetup.StartAsync();
        var supervisor = await bot.LinkAsync(WblSetup.Supervisor);
        var otherSupervisor = await bot.LinkAsync(WblSetup.OtherSupervisor);
        var mentor = await WrittenBothAsync();

        bot.Clock.Advance(5 * Day + TimeSpan.FromHours(1));
        Assert.Equal(3, await bot.RunJobAsync(ReviewRemindersScan.Name)); // the mentor's daily reminder, and each supervisor once
        var told = await bot.Telegram.WaitForMessageAsync(supervisor.ChatId, m => m.Text!.StartsWith("⚠️"));
        Assert.Contains("The mentor Gulnara Isaeva has 1 diary entry waiting for review for more than 5 days (the oldest is of Mon 23 Nov 2026): Chynara Bekova.", told.Text);
        Assert.Contains("1 diary entry waiting for review for more than 5 days (the oldest is of Mon 23 Nov 2026): Айгерим Маратова.",
            (await bot.Telegram.WaitForMessageAsync(otherSupervisor.ChatId, m => m.Text!.StartsWith("⚠️"))).Text);

        bot.Clock.Advance(Day);
        Assert.Equal(1, await bot.RunJobAsync(ReviewRemindersScan.Name)); // only the mentor's reminder: the same spell
        Assert.Single(bot.Telegram.MessagesIn(supervisor.ChatId), m => m.Text!.StartsWith("⚠️"));

        // The mentor catches up; a later entry that waits again too long is a new spell, told again.
        var card = bot.Telegram.MessagesIn(mentor.ChatId).First(m => m.Text!.Contains("Chynara") && m.Buttons.Any());
        await bot.Telegram.PressButtonAsync(mentor, card, "4");
        await bot.Telegram.WaitForEditAsync(mentor.ChatId, m => m.MessageId == card.MessageId);
        var student = await bot.LinkAsync(WblSetup.EnglishStudent);
        await bot.AskAsync(student, "/diary Installed the cameras");
        bot.Clock.Advance(6 * Day);
        await bot.RunJobAsync(ReviewRemindersScan.Name);
        Assert.Contains("Chynara Bekova", (await bot.Telegram.WaitForMessageAsync(supervisor.ChatId, m => m.Text!.StartsWith("⚠️"))).Text);
    }

    [Fact]
    public async Task On_the_last_day_the_mentor_writes_the_final_review_in_three_steps_and_the_supervisor_reads_it()
    {
        bot = await WblSetup.StartAsync(WblSetup.Placements.Replace("2026-11-16,2026-12-11", "2026-11-02,2026-11-23"));
        var mentor = await bot.LinkAsync(WblSetup.Mentor);
        var supervisor = await bot.LinkAsync(WblSetup.Supervisor);
        var student = await bot.LinkAsync(WblSetup.EnglishStudent);

        Assert.Equal(1, await bot.RunJobAsync(PlacementEndScan.Name));
        Assert.Equal(0, await bot.RunJobAsync(PlacementEndScan.Name));
        var request = await bot.Telegram.WaitForMessageAsync(mentor.ChatId, m => m.Text!.StartsWith("🏁"));
        Assert.Contains("The placement of Chynara Bekova (production practice at Kyrgyztelecom, Mon 2 Nov 2026 – Mon 23 Nov 2026) ends", request.Text);

        await bot.Telegram.PressButtonAsync(mentor, request, "📝 Write the final review");
        Assert.Contains("1/3. Write your review (көз караш)", (await bot.Telegram.WaitForMessageAsync(mentor.ChatId)).Text);
        Assert.Contains("2/3. Now the characterization", (await bot.AskAsync(mentor, "Reliable work on the network <core>")).Text);
        var grades = await bot.AskAsync(mentor, "Careful and curious; ready for a junior post");
        Assert.Contains("3/3. The final grade", grades.Text);
        Assert.Contains("choose the grade with the buttons", (await bot.AskAsync(mentor, "five")).Text);
        await bot.Telegram.PressButtonAsync(mentor, grades, "5");
        Assert.Contains("Sent: the final review of Chynara Bekova, final grade 5", (await bot.Telegram.WaitForEditAsync(mentor.ChatId, m => m.MessageId == grades.MessageId)).Text);

        var arrived = await bot.Telegram.WaitForMessageAsync(supervisor.ChatId, m => m.Text!.StartsWith("🏁"));
        Assert.Contains("arrived from Gulnara Isaeva. Final grade: 5.", arrived.Text);
        Assert.Contains("Reliable work on the network <core>", arrived.Text);
        Assert.Contains("Careful and curious; ready for a junior post", arrived.Text);
        Assert.Contains("Final grade: 5", (await bot.Telegram.WaitForMessageAsync(student.ChatId, m => m.Text!.StartsWith("🏁"))).Text);
        var placement = await bot.QueryAsync(db => db.Placements.AsNoTracking().SingleAsync(p => p.Form == WblForm.Practice));
        Assert.Equal(("Reliable work on the network <core>", "Careful and curious; ready for a junior post", (int?)5),
            (placement.FinalReview, placement.Characterization, placement.FinalGrade));

        var again = await bot.Telegram.PressButtonAsync(mentor, request, "📝 Write the final review");
        Assert.Contains("was already sent", (await bot.Telegram.WaitForCallbackAnswerAsync(again)).Text);
        bot.Clock.Advance(3 * Day);
        Assert.Equal(0, await bot.RunJobAsync(PlacementEndScan.Name));
        Assert.Contains("No diary entries are waiting", (await bot.AskAsync(mentor, "/pending")).Text);
    }

    [Fact]
    public async Task A_missing_final_review_is_told_to_the_supervisor_three_days_after_the_last_day_once()
    {
        bot = await WblSetup.StartAsync(WblSetup.Placements.Replace("2026-11-16,2026-12-11", "2026-11-02,2026-11-23"));
        var supervisor = await bot.LinkAsync(WblSetup.Supervisor);
        var mentor = await bot.LinkAsync(WblSetup.Mentor);
        var other = await bot.LinkAsync(WblSetup.OtherMentor);

        Assert.Equal(1, await bot.RunJobAsync(PlacementEndScan.Name));
        var request = await bot.Telegram.WaitForMessageAsync(mentor.ChatId, m => m.Text!.StartsWith("🏁"));
        var forged = await bot.Telegram.PressRawCallbackAsync(other, bot.Telegram.LastMessageIn(other.ChatId)!.MessageId, request.Buttons.Single().CallbackData!);
        Assert.Contains("not meant for you", (await bot.Telegram.WaitForCallbackAnswerAsync(forged)).Text);
        Assert.Contains("📝 Write the final review", (await bot.AskAsync(mentor, "/pending")).Buttons.Single().Text);

        bot.Clock.Advance(2 * Day);
        Assert.Equal(0, await bot.RunJobAsync(PlacementEndScan.Name));
        bot.Clock.Advance(Day);
        Assert.Equal(1, await bot.RunJobAsync(PlacementEndScan.Name));
        Assert.Equal(0, await bot.RunJobAsync(PlacementEndScan.Name));

        var missing = await bot.Telegram.WaitForMessageAsync(supervisor.ChatId, m => m.Text!.StartsWith('⏰'));
        Assert.Contains("ended 3 days ago, and the mentor Gulnara Isaeva has not sent the final review yet", missing.Text);
        Assert.Single(bot.Telegram.MessagesIn(supervisor.ChatId), m => m.Text!.StartsWith('⏰'));
        Assert.Null(await bot.QueryAsync(db => db.Placements.Where(p => p.Form == WblForm.Practice).Select(p => p.FinalAt).SingleAsync()));
    }

    [Fact]
    public async Task The_final_review_cannot_start_before_the_last_day()
    {
        bot = await WblSetup.StartAsync();
        var mentor = await bot.LinkAsync(WblSetup.Mentor);
        var id = await bot.QueryAsync(db => db.Placements.Where(p => p.Form == WblForm.Practice).Select(p => p.Id).SingleAsync());

        var early = await bot.Telegram.PressRawCallbackAsync(mentor, bot.Telegram.LastMessageIn(mentor.ChatId)!.MessageId, $"wf:s:{id}");

        Assert.Contains("The placement ends on Fri 11 Dec 2026", (await bot.Telegram.WaitForCallbackAnswerAsync(early)).Text);
        Assert.Equal(0, await bot.QueryAsync(db => db.Conversations.CountAsync()));
    }

    [Fact]
    public async Task The_reminders_speak_the_language_of_each_reader()
    {
        bot = await WblSetup.StartAsync(roster: WblSetup.Roster.Replace("mentor,M01,Gulnara Isaeva,,,en,", "mentor,M01,Gulnara Isaeva,,,ru,"));
        var mentor = await bot.LinkAsync(WblSetup.Mentor);
        var student = await bot.LinkAsync(WblSetup.KyrgyzStudent);
        Assert.Contains("Сакталды", (await bot.AskAsync(student, "/diary Сервер орноттум")).Text);
        Assert.Contains("Дневник за пн 23 нояб. 2026", (await bot.Telegram.WaitForMessageAsync(mentor.ChatId, m => m.Text!.StartsWith("📔"))).Text);

        bot.Clock.Advance(2 * Day + TimeSpan.FromHours(1)); // Wednesday 16:00: two working days without an entry, two days waiting
        await bot.RunJobAsync(DiaryRemindersScan.Name);
        await bot.RunJobAsync(ReviewRemindersScan.Name);

        Assert.Contains("Сиз күндөлүккө 2 жумуш күнү жазган жоксуз", (await bot.Telegram.WaitForMessageAsync(student.ChatId, m => m.Text!.StartsWith("📔 Сиз"))).Text);
        var reminder = await bot.Telegram.WaitForMessageAsync(mentor.ChatId, m => m.Text!.StartsWith('⏰'));
        Assert.Contains("Вашей оценки ждут 1 запись дневников ваших подопечных", reminder.Text);
        Assert.Contains("• Айгерим Маратова, пн 23 нояб. 2026 — ждёт 2 дня", reminder.Text);
    }

    /// <summary>Chynara (supervised by Dina) and Aigerim (by Asel) write on Monday; Gulnara mentors both.</summary>
    private async Task<FakeUser> WrittenBothAsync()
    {
        var mentor = await bot.LinkAsync(WblSetup.Mentor);
        foreach (var code in new[] { WblSetup.EnglishStudent, WblSetup.KyrgyzStudent })
        {
            var student = await bot.LinkAsync(code);
            await bot.AskAsync(student, "/diary Configured the router");
            await bot.Telegram.WaitForMessageAsync(mentor.ChatId, m => m.Text!.StartsWith("📔"));
        }

        return mentor;
    }
}
