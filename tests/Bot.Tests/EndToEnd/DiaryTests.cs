using CollegeBot.Domain.WorkBasedLearning;
using CollegeBot.FakeTelegram;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Bot.Tests.EndToEnd;

/// <summary>The student's diary and the mentor's one-tap review: /diary, the grade buttons, return with a comment, /pending.</summary>
public sealed class DiaryTests : IAsyncLifetime
{
    private BotHarness bot = null!;
    private FakeUser mentor = null!;
    private FakeUser student = null!;

    // The harness clock: Monday 23 November 2026, 15:00 in Bishkek.
    public async Task InitializeAsync()
    {
        bot = await WblSetup.StartAsync();
        mentor = await bot.LinkAsync(WblSetup.Mentor);
        student = await bot.LinkAsync(WblSetup.EnglishStudent);
    }

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task A_student_writes_an_entry_the_mentor_presses_4_and_the_student_is_told()
    {
        var saved = await bot.AskAsync(student, "/diary Configured the office router <MikroTik> 6h");
        Assert.Contains("Saved: your diary entry of Mon 23 Nov 2026 · 6 h", saved.Text);
        Assert.Contains("Gulnara Isaeva gets it for review now", saved.Text);
        Assert.Equal(["✏️ Edit"], saved.Buttons.Select(b => b.Text));

        var card = await bot.Telegram.WaitForMessageAsync(mentor.ChatId);
        Assert.Contains("Chynara Bekova · Kyrgyztelecom", card.Text);
        Assert.Contains("Diary of Mon 23 Nov 2026 · 6 h:", card.Text);
        Assert.Contains("Configured the office router <MikroTik>", card.Text);
        Assert.Equal(["5", "4", "3", "2"], card.InlineKeyboard[0].Select(b => b.Text));
        Assert.Equal(["↩ Return with a comment"], card.InlineKeyboard[1].Select(b => b.Text));

        var query = await bot.Telegram.PressButtonAsync(mentor, card, "4");
        Assert.Contains("4 for Chynara Bekova", (await bot.Telegram.WaitForCallbackAnswerAsync(query)).Text);
        var graded = await bot.Telegram.WaitForEditAsync(mentor.ChatId, m => m.MessageId == card.MessageId);
        Assert.Contains("Graded: 4", graded.Text);
        Assert.Contains("To add a comment for the student, just write it now", graded.Text);
        Assert.Empty(graded.Buttons);

        var told = await bot.Telegram.WaitForMessageAsync(student.ChatId);
        Assert.Contains("Your mentor Gulnara Isaeva graded your diary entry of Mon 23 Nov 2026: 4.", told.Text);
        var entry = await EntryAsync();
        Assert.Equal((DiaryStatus.Reviewed, (int?)4, (int?)6), (entry.Status, entry.Grade, entry.Hours));
        Assert.Equal((await bot.PersonAsync(WblSetup.Mentor)).Id, entry.ReviewedById);

        // The mentor's next message is the comment on that grade.
        Assert.Contains("Your comment is sent to Chynara Bekova", (await bot.AskAsync(mentor, "Good work; label the cables next time")).Text);
        Assert.Contains("(grade 4): Good work; label the cables next time", (await bot.Telegram.WaitForMessageAsync(student.ChatId)).Text);
        Assert.Contains("Your comment: Good work", (await bot.Telegram.WaitForEditAsync(mentor.ChatId, m => m.MessageId == card.MessageId)).Text);
        Assert.Equal("Good work; label the cables next time", (await EntryAsync()).Comment);
        Assert.Contains("I understand commands", (await bot.AskAsync(mentor, "and one more thing")).Text);
    }

    [Fact]
    public async Task An_entry_returned_with_a_comment_is_edited_and_then_graded()
    {
        await bot.AskAsync(student, "/diary Worked on the router");
        var card = await bot.Telegram.WaitForMessageAsync(mentor.ChatId);

        await bot.Telegram.PressButtonAsync(mentor, card, "↩ Return with a comment");
        Assert.Contains("Write what Chynara Bekova should fix in the entry of Mon 23 Nov 2026", (await bot.Telegram.WaitForMessageAsync(mentor.ChatId)).Text);
        Assert.Contains("Returned to Chynara Bekova with your comment", (await bot.AskAsync(mentor, "Which router, and what did you set up?")).Text);
        var returnedCard = await bot.Telegram.WaitForEditAsync(mentor.ChatId, m => m.MessageId == card.MessageId);
        Assert.Contains("Returned for revision: Which router, and what did you set up?", returnedCard.Text);
        Assert.Empty(returnedCard.Buttons);

        var returned = await bot.Telegram.WaitForMessageAsync(student.ChatId, m => m.Text!.StartsWith('↩'));
        Assert.Contains("returned your diary entry of Mon 23 Nov 2026 for revision: Which router, and what did you set up?", returned.Text);
        await bot.Telegram.PressButtonAsync(student, returned, "✏️ Edit");
        Assert.Contains("Worked on the router", (await bot.Telegram.WaitForMessageAsync(student.ChatId)).Text);
        var changed = await bot.AskAsync(student, "Set up VLANs and DHCP on the MikroTik router 7h");
        Assert.Contains("Changed: your entry of Mon 23 Nov 2026 · 7 h", changed.Text);

        var second = await bot.Telegram.WaitForMessageAsync(mentor.ChatId);
        Assert.Contains("changed by the student", second.Text);
        Assert.Contains("You returned it before: Which router", second.Text);
        Assert.Contains("Set up VLANs and DHCP", second.Text);
        await bot.Telegram.PressButtonAsync(mentor, second, "5");
        Assert.Contains("graded your diary entry of Mon 23 Nov 2026: 5.", (await bot.Telegram.WaitForMessageAsync(student.ChatId)).Text);

        var entry = await EntryAsync();
        Assert.Equal((DiaryStatus.Reviewed, (int?)5, 2, (int?)7, (string?)null), (entry.Status, entry.Grade, entry.Version, entry.Hours, entry.Comment));
        Assert.Equal("Set up VLANs and DHCP on the MikroTik router", entry.Text);
    }

    [Fact]
    public async Task A_second_message_the_same_day_is_added_and_the_old_buttons_are_stale()
    {
        await bot.AskAsync(student, "/diary Configured the router 6h");
        var first = await bot.Telegram.WaitForMessageAsync(mentor.ChatId);
        Assert.Contains("Added to your entry of Mon 23 Nov 2026 · 7 h", (await bot.AskAsync(student, "/diary Wrote it up 1h")).Text);
        var second = await bot.Telegram.WaitForMessageAsync(mentor.ChatId);
        Assert.Contains("Configured the router\nWrote it up", second.Text);

        var stale = await bot.Telegram.PressButtonAsync(mentor, first, "4");
        Assert.Contains("The student changed this entry", (await bot.Telegram.WaitForCallbackAnswerAsync(stale)).Text);
        Assert.Contains("its new version came in a later message", (await bot.Telegram.WaitForEditAsync(mentor.ChatId, m => m.MessageId == first.MessageId)).Text);
        Assert.Equal(DiaryStatus.Pending, (await EntryAsync()).Status);

        var data = second.FindButton("4")!.CallbackData!;
        await bot.Telegram.PressButtonAsync(mentor, second, "4");
        await bot.Telegram.WaitForEditAsync(mentor.ChatId, m => m.MessageId == second.MessageId);
        var again = await bot.Telegram.PressRawCallbackAsync(mentor, second.MessageId, data.Replace(":4", ":5"));
        Assert.Contains("Already graded 4; nothing changed", (await bot.Telegram.WaitForCallbackAnswerAsync(again)).Text);

        await bot.Telegram.WaitForMessageAsync(student.ChatId, m => m.Text!.Contains("graded"));
        var entry = await EntryAsync();
        Assert.Equal((1L, (int?)4, (int?)7), (await bot.QueryAsync(db => db.DiaryEntries.LongCountAsync()), entry.Grade, entry.Hours));
        Assert.Single(bot.Telegram.MessagesIn(student.ChatId), m => m.Text!.Contains("graded"));
        Assert.Contains("already graded (4); it can no longer change", (await bot.AskAsync(student, "/diary One more thing")).Text);
    }

    [Fact]
    public async Task A_forged_callback_from_another_mentor_is_refused_and_changes_nothing()
    {
        var other = await bot.LinkAsync(WblSetup.OtherMentor);
        await bot.AskAsync(student, "/diary Configured the router");
        await bot.Telegram.WaitForMessageAsync(mentor.ChatId);
        var id = (await EntryAsync()).Id;
        var anyMessage = bot.Telegram.LastMessageIn(other.ChatId)!.MessageId;

        foreach (var data in new[] { $"dr:g:{id}:1:5", $"dr:r:{id}:1", $"dr:g:{id}:1:9", "dr:g:999:1:5", "dr:g:x" })
        {
            var query = await bot.Telegram.PressRawCallbackAsync(other, anyMessage, data);
            var toast = (await bot.Telegram.WaitForCallbackAnswerAsync(query)).Text;
            Assert.True(toast!.Contains("not meant for you") || toast.Contains("no longer works"), toast);
        }

        var byStudent = await bot.Telegram.PressRawCallbackAsync(student, bot.Telegram.LastMessageIn(student.ChatId)!.MessageId, $"dr:g:{id}:1:5");
        Assert.Contains("not meant for you", (await bot.Telegram.WaitForCallbackAnswerAsync(byStudent)).Text);

        var entry = await EntryAsync();
        Assert.Equal((DiaryStatus.Pending, (int?)null), (entry.Status, entry.Grade));
        Assert.Equal(0, await bot.QueryAsync(db => db.Conversations.CountAsync()));
        Assert.Contains(bot.Logs.Lines, l => l.Contains($"acted on diary entry {id}, which is not of their mentees"));
        Assert.DoesNotContain(bot.Telegram.MessagesIn(student.ChatId), m => m.Text!.Contains("graded"));
    }

    [Fact]
    public async Task Diary_alone_asks_for_the_text_and_the_next_message_is_the_entry()
    {
        var ask = await bot.AskAsync(student, "/diary");
        Assert.Contains("Write what you did today at Kyrgyztelecom", ask.Text);

        Assert.Contains("Write the hours like 6h, from 1 to 24", (await bot.AskAsync(student, "Tested the backups 30h")).Text);
        Assert.Contains("Saved: your diary entry of Mon 23 Nov 2026 · 3 h", (await bot.AskAsync(student, "3h Tested the backups")).Text);
        Assert.Contains("Tested the backups", (await bot.Telegram.WaitForMessageAsync(mentor.ChatId)).Text);
        Assert.Equal(0, await bot.QueryAsync(db => db.Conversations.CountAsync()));
        Assert.Contains("I understand commands", (await bot.AskAsync(student, "more text")).Text);
    }

    [Fact]
    public async Task Without_hours_the_entry_takes_the_placements_daily_norm()
    {
        // 160 planned hours over the 22 working days from Mon 16 Nov to Fri 11 Dec: about 7 a day.
        Assert.Contains("· 7 h", (await bot.AskAsync(student, "/diary Configured the router")).Text);
    }

    [Theory]
    [InlineData("/diary 6h", "Please write what you did in words")]
    [InlineData("/diary Router 0h", "Write the hours like 6h, from 1 to 24")]
    public async Task Bad_diary_messages_get_a_clear_answer_and_save_nothing(string message, string answer)
    {
        Assert.Contains(answer, (await bot.AskAsync(student, message)).Text);
        Assert.Equal(0, await bot.QueryAsync(db => db.DiaryEntries.CountAsync()));
    }

    [Fact]
    public async Task Text_over_the_limit_no_placement_and_the_wrong_role_are_refused()
    {
        Assert.Contains("2001 characters, at most 2000", (await bot.AskAsync(student, "/diary " + new string('x', 2001))).Text);
        var withoutPlacement = await bot.LinkAsync("S2002");
        Assert.Contains("You have no work-based-learning placement today", (await bot.AskAsync(withoutPlacement, "/diary Worked")).Text);
        Assert.Contains("/diary is for: student", (await bot.AskAsync(mentor, "/diary Worked")).Text);
        Assert.Equal(0, await bot.QueryAsync(db => db.DiaryEntries.CountAsync()));
    }

    [Fact]
    public async Task Pending_lists_the_mentors_waiting_entries_oldest_first_each_with_its_buttons()
    {
        Assert.Contains("No diary entries are waiting", (await bot.AskAsync(mentor, "/pending")).Text);
        var kyrgyz = await bot.LinkAsync(WblSetup.KyrgyzStudent);
        Assert.Contains("Сакталды", (await bot.AskAsync(kyrgyz, "/diary Сервер орноттум 5h")).Text);
        bot.Clock.Advance(TimeSpan.FromMinutes(30));
        await bot.AskAsync(student, "/diary Configured the router");
        await bot.Telegram.WaitForMessageAsync(mentor.ChatId, m => m.Text!.Contains("Айгерим"));
        await bot.Telegram.WaitForMessageAsync(mentor.ChatId, m => m.Text!.Contains("Chynara"));

        var title = await bot.AskAsync(mentor, "/pending");
        var first = await bot.Telegram.WaitForMessageAsync(mentor.ChatId);
        var second = await bot.Telegram.WaitForMessageAsync(mentor.ChatId);

        Assert.Contains("2 diary entries waiting for your review, oldest first", title.Text);
        Assert.Contains("Айгерим Маратова", first.Text);
        Assert.Contains("Chynara Bekova", second.Text);
        Assert.All([first, second], card => Assert.Equal(5, card.Buttons.Count()));
        await bot.Telegram.PressButtonAsync(mentor, first, "3");
        Assert.Contains("Насаатчыңыз Gulnara Isaeva", (await bot.Telegram.WaitForMessageAsync(kyrgyz.ChatId, m => m.Text!.StartsWith('✅'))).Text);
    }

    private Task<DiaryEntry> EntryAsync() => bot.QueryAsync(db => db.DiaryEntries.AsNoTracking().SingleAsync());
}
