using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.Messaging;
using CollegeBot.FakeTelegram;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Bot.Tests.EndToEnd;

/// <summary>/excuse: a student sends a reason with proof, the curator approves or rejects it with buttons.</summary>
public sealed class ExcuseTests : IAsyncLifetime
{
    private const string EnglishStudent = "S1003";
    private static readonly byte[] Certificate = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];

    private BotHarness bot = null!;
    private FakeUser curator = null!;

    // The harness clock: Monday 23 November 2026, 15:00 in Bishkek; the default window is 3 days (from Fri 20 Nov).
    public async Task InitializeAsync()
    {
        bot = await (await BotHarness.CreateAsync(roster: BotHarness.Roster + "\ncurator,T3002,Other Curator,IT-2-23,,en,")).StartBotAsync();
        curator = await LinkInEnglishAsync(BotHarness.CuratorCode);
    }

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task An_approved_illness_excuse_reaches_the_curator_with_the_photo_and_keeps_the_catch_up()
    {
        var student = await StudentWithAbsenceAsync(EnglishStudent, "2026-11-20 Math");

        var submitted = await SubmitAsync(student, "Illness (medical certificate)", "I had a fever <39>");
        Assert.Contains("sent to the curator", submitted.Text);

        var photo = await bot.Telegram.WaitForMessageAsync(curator.ChatId);
        Assert.NotNull(photo.Photo);
        var card = await bot.Telegram.WaitForMessageAsync(curator.ChatId);
        Assert.Contains("Chynara Bekova", card.Text);
        Assert.Contains("I had a fever <39>", card.Text);
        Assert.Contains("the class must still be made up", card.Text);
        Assert.Equal(["✅ Approve", "❌ Reject"], card.Buttons.Select(b => b.Text));

        var query = await bot.Telegram.PressButtonAsync(curator, card, "✅ Approve");
        Assert.Contains("Approved", (await bot.Telegram.WaitForCallbackAnswerAsync(query)).Text);
        var decided = await bot.Telegram.WaitForEditAsync(curator.ChatId, m => m.MessageId == card.MessageId);
        Assert.Contains("Approved: the absence is excused", decided.Text);
        Assert.Empty(decided.Buttons);

        var told = await bot.Telegram.WaitForMessageAsync(student.ChatId, m => m.Text!.StartsWith('✅'));
        Assert.Contains("must still be made up by", told.Text);
        var absence = await bot.QueryAsync(db => db.Absences.AsNoTracking().SingleAsync());
        Assert.True(absence.Excused);
        Assert.NotNull(absence.CatchUpDueOn);
        Assert.Equal(ExcuseStatus.Approved, (await bot.QueryAsync(db => db.Excuses.AsNoTracking().SingleAsync())).Status);
    }

    [Fact]
    public async Task An_excuse_left_two_days_comes_back_to_the_curator_once_and_can_be_decided_from_the_reminder()
    {
        var student = await StudentWithAbsenceAsync(EnglishStudent, "2026-11-20 Math");
        await SubmitAsync(student, "Illness (medical certificate)", "Fever");
        await bot.Telegram.WaitForMessageAsync(curator.ChatId); // the photo
        var card = await bot.Telegram.WaitForMessageAsync(curator.ChatId);

        bot.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await bot.RunJobAsync("ExcuseReminders"));
        Assert.Equal(0, await bot.RunJobAsync("ExcuseReminders"));
        Assert.NotNull((await bot.Telegram.WaitForMessageAsync(curator.ChatId)).Photo);
        var reminder = await bot.Telegram.WaitForMessageAsync(curator.ChatId);

        Assert.StartsWith("⏳ This excuse has been waiting for your decision for 2 days:\n📝 Chynara Bekova (IT-1-23) sends an excuse", reminder.Text);
        var query = await bot.Telegram.PressButtonAsync(curator, reminder, "✅ Approve");
        Assert.Contains("Approved", (await bot.Telegram.WaitForCallbackAnswerAsync(query)).Text);
        Assert.Contains("Approved: the absence is excused", (await bot.Telegram.WaitForEditAsync(curator.ChatId, m => m.MessageId == reminder.MessageId)).Text);
        var again = await bot.Telegram.PressButtonAsync(curator, card, "✅ Approve");
        Assert.Equal("Already decided: this excuse was approved before.", (await bot.Telegram.WaitForCallbackAnswerAsync(again)).Text);
    }

    [Fact]
    public async Task An_approved_duty_excuse_drops_the_catch_up_and_the_parent_is_told()
    {
        var parent = await bot.LinkAsync(BotHarness.ParentCode);
        var student = await StudentWithAbsenceAsync("S1002", "2026-11-21");
        await bot.Telegram.WaitForMessageAsync(parent.ChatId); // the absence itself

        await bot.AskAsync(student, "/excuse");
        var screen = await PressAsync(student, bot.Telegram.LastMessageIn(student.ChatId)!, FirstAbsenceButton(student));
        screen = await PressAsync(student, screen, "exs:r:duty");
        await bot.AskAsync(student, "Олимпиада по информатике");
        await bot.Telegram.SendDocumentAsync(student, Certificate, "order.pdf", "application/pdf");
        Assert.Contains("отправлена куратору", (await bot.Telegram.WaitForMessageAsync(student.ChatId)).Text);

        Assert.Equal("order.pdf", (await bot.Telegram.WaitForMessageAsync(curator.ChatId)).Document?.FileName);
        var card = await bot.Telegram.WaitForMessageAsync(curator.ChatId);
        Assert.Contains("no catch-up needed", card.Text);
        await bot.Telegram.PressButtonAsync(curator, card, "✅ Approve");

        Assert.Contains("Отрабатывать не нужно", (await bot.Telegram.WaitForMessageAsync(student.ChatId, m => m.Text!.StartsWith('✅'))).Text);
        Assert.Contains("Бакыт Асанов", (await bot.Telegram.WaitForMessageAsync(parent.ChatId, m => m.Text!.StartsWith('✅'))).Text);
        var absence = await bot.QueryAsync(db => db.Absences.AsNoTracking().SingleAsync());
        Assert.True(absence.Excused);
        Assert.Null(absence.CatchUpDueOn);
    }

    [Fact]
    public async Task A_rejection_asks_the_curator_why_and_tells_the_student()
    {
        var student = await StudentWithAbsenceAsync(EnglishStudent, "2026-11-23");
        await SubmitAsync(student, "Family circumstances", "My grandmother was ill");
        await bot.Telegram.WaitForMessageAsync(curator.ChatId); // the photo
        var card = await bot.Telegram.WaitForMessageAsync(curator.ChatId);

        await bot.Telegram.PressButtonAsync(curator, card, "❌ Reject");
        Assert.Contains("Type why you reject", (await bot.Telegram.WaitForMessageAsync(curator.ChatId)).Text);
        await bot.Telegram.SendPhotoAsync(curator, Certificate); // no words in it
        Assert.Contains("type the reason for rejecting", (await bot.Telegram.WaitForMessageAsync(curator.ChatId)).Text);
        var done = await bot.AskAsync(curator, "Please bring a certificate <signed>");

        Assert.Contains("Rejected; Chynara Bekova is told why", done.Text);
        var shown = await bot.Telegram.WaitForEditAsync(curator.ChatId, m => m.MessageId == card.MessageId);
        Assert.Contains("Rejected: Please bring a certificate <signed>", shown.Text);
        Assert.Empty(shown.Buttons);
        var told = await bot.Telegram.WaitForMessageAsync(student.ChatId, m => m.Text!.StartsWith('❌'));
        Assert.Contains("The curator wrote: Please bring a certificate <signed>", told.Text);
        var excuse = await bot.QueryAsync(db => db.Excuses.Include(e => e.Absence).AsNoTracking().SingleAsync());
        Assert.Equal(ExcuseStatus.Rejected, excuse.Status);
        Assert.False(excuse.Absence!.Excused);
    }

    [Fact]
    public async Task A_late_absence_is_not_offered_and_its_forged_button_says_why()
    {
        var student = await StudentWithAbsenceAsync(EnglishStudent, "2026-11-19");

        Assert.Contains("too late", (await bot.AskAsync(student, "/excuse")).Text);

        await RecordAsync(student, "2026-11-22");
        var picker = await bot.AskAsync(student, "/excuse");
        Assert.Single(picker.Buttons, b => b.CallbackData!.StartsWith("exs:a:"));
        var old = await bot.QueryAsync(db => db.Absences.SingleAsync(a => a.Date == new DateOnly(2026, 11, 19)));
        await bot.Telegram.PressRawCallbackAsync(student, picker.MessageId, $"exs:a:{old.Id}");
        var answer = await bot.Telegram.WaitForEditAsync(student.ChatId, m => m.MessageId == picker.MessageId);
        Assert.Contains("within 3 days", answer.Text);
        Assert.Equal(0, await bot.QueryAsync(db => db.Excuses.CountAsync()));
    }

    [Fact]
    public async Task A_second_excuse_for_the_same_absence_is_refused_while_the_first_waits()
    {
        var student = await StudentWithAbsenceAsync(EnglishStudent, "2026-11-21");
        await SubmitAsync(student, "Illness (medical certificate)", "Flu");

        var again = await bot.AskAsync(student, "/excuse");
        Assert.Contains("is waiting for the curator's decision", again.Text);
        Assert.Empty(again.Buttons);

        await RecordAsync(student, "2026-11-22");
        var picker = await bot.AskAsync(student, "/excuse");
        var pending = await bot.QueryAsync(db => db.Excuses.Select(e => e.AbsenceId).SingleAsync());
        await bot.Telegram.PressRawCallbackAsync(student, picker.MessageId, $"exs:a:{pending}");
        Assert.Contains("already waiting", (await bot.Telegram.WaitForEditAsync(student.ChatId, m => m.MessageId == picker.MessageId)).Text);
        Assert.Equal(1, await bot.QueryAsync(db => db.Excuses.CountAsync()));
    }

    [Fact]
    public async Task A_text_instead_of_the_proof_is_asked_again()
    {
        var student = await StudentWithAbsenceAsync(EnglishStudent, "2026-11-23");
        var picker = await bot.AskAsync(student, "/excuse");
        var screen = await PressAsync(student, picker, FirstAbsenceButton(student));
        await PressAsync(student, screen, "Summons (military office, court)");
        Assert.Contains("photo or a document", (await bot.AskAsync(student, "Military office")).Text);

        Assert.Contains("I need a photo or a document", (await bot.AskAsync(student, "here it is")).Text);
        Assert.Equal(0, await bot.QueryAsync(db => db.Excuses.CountAsync()));

        await bot.Telegram.SendPhotoAsync(student, Certificate);
        Assert.Contains("sent to the curator", (await bot.Telegram.WaitForMessageAsync(student.ChatId)).Text);
        Assert.Equal("summons", await bot.QueryAsync(db => db.Excuses.Select(e => e.ReasonCode).SingleAsync()));
    }

    [Fact]
    public async Task Another_curators_or_a_forged_button_changes_nothing()
    {
        var other = await LinkInEnglishAsync("T3002");
        var student = await StudentWithAbsenceAsync(EnglishStudent, "2026-11-23");
        await SubmitAsync(student, "Illness (medical certificate)", "Flu");
        var id = await bot.QueryAsync(db => db.Excuses.Select(e => e.Id).SingleAsync());
        var anyMessage = bot.Telegram.LastMessageIn(other.ChatId)!.MessageId;

        foreach (var data in new[] { $"ex:ok:{id}", $"ex:no:{id}", "ex:ok:999", "ex:ok:x" })
        {
            var query = await bot.Telegram.PressRawCallbackAsync(other, anyMessage, data);
            var toast = (await bot.Telegram.WaitForCallbackAnswerAsync(query)).Text;
            Assert.True(toast!.Contains("not meant for you") || toast.Contains("no longer works"), toast);
        }

        var byStudent = await bot.Telegram.PressRawCallbackAsync(student, bot.Telegram.LastMessageIn(student.ChatId)!.MessageId, $"ex:ok:{id}");
        Assert.Contains("not meant for you", (await bot.Telegram.WaitForCallbackAnswerAsync(byStudent)).Text);

        var excuse = await bot.QueryAsync(db => db.Excuses.Include(e => e.Absence).AsNoTracking().SingleAsync());
        Assert.Equal(ExcuseStatus.Pending, excuse.Status);
        Assert.False(excuse.Absence!.Excused);
        Assert.Equal(0, await bot.QueryAsync(db => db.Conversations.CountAsync()));
    }

    [Fact]
    public async Task Pressing_approve_twice_decides_once()
    {
        var student = await StudentWithAbsenceAsync(EnglishStudent, "2026-11-23");
        await SubmitAsync(student, "Illness (medical certificate)", "Flu");
        await bot.Telegram.WaitForMessageAsync(curator.ChatId);
        var card = await bot.Telegram.WaitForMessageAsync(curator.ChatId);
        var data = card.FindButton("✅ Approve")!.CallbackData!;

        await bot.Telegram.PressButtonAsync(curator, card, "✅ Approve");
        await bot.Telegram.WaitForEditAsync(curator.ChatId, m => m.MessageId == card.MessageId);
        var second = await bot.Telegram.PressRawCallbackAsync(curator, card.MessageId, data);
        Assert.Contains("approved before", (await bot.Telegram.WaitForCallbackAnswerAsync(second)).Text);
        var reject = await bot.Telegram.PressRawCallbackAsync(curator, card.MessageId, data.Replace(":ok:", ":no:"));
        Assert.Contains("approved before", (await bot.Telegram.WaitForCallbackAnswerAsync(reject)).Text);

        await bot.Telegram.WaitForMessageAsync(student.ChatId, m => m.Text!.StartsWith('✅'));
        await Task.Delay(300);
        Assert.Single(bot.Telegram.MessagesIn(student.ChatId), m => m.Text!.StartsWith('✅'));
        Assert.Equal(0, await bot.QueryAsync(db => db.Conversations.CountAsync()));
    }

    [Fact]
    public async Task An_attachment_is_sent_once_when_the_text_after_it_fails_and_is_retried()
    {
        var student = await StudentWithAbsenceAsync(EnglishStudent, "2026-11-23");
        await SubmitAsync(student, "Illness (medical certificate)", "Flu");
        await bot.Telegram.WaitForMessageAsync(curator.ChatId);
        await bot.Telegram.WaitForMessageAsync(curator.ChatId);
        var fileId = await bot.QueryAsync(db => db.Excuses.Select(e => e.FileId).SingleAsync());
        var photosBefore = PhotosTo(curator);

        bot.Telegram.FailNext("sendMessage", 500, "Internal Server Error");
        var id = await QueueAsync(BotHarness.CuratorCode, OutgoingMessage.Of(Text.Of("not_a_command")) with { Attachment = new Attachment(fileId, IsPhoto: true) });
        await LinkingTests.WaitUntilAsync(async () => (await RowAsync(id)).Attempts == 1);
        Assert.Equal(1, (await RowAsync(id)).PiecesSent);
        bot.Clock.Advance(TimeSpan.FromSeconds(3)); // past the first back-off
        await LinkingTests.WaitUntilAsync(async () => (await RowAsync(id)).Status == OutboxStatus.Sent);

        Assert.Equal(photosBefore + 1, PhotosTo(curator));
        Assert.Equal(2, (await RowAsync(id)).PiecesSent);
        var photo = await bot.Telegram.WaitForMessageAsync(curator.ChatId);
        Assert.NotNull(photo.Photo);
        Assert.Contains("/help", (await bot.Telegram.WaitForMessageAsync(curator.ChatId)).Text);
    }

    private async Task<FakeUser> LinkInEnglishAsync(string code)
    {
        var user = await bot.LinkAsync(code, "en");
        var chooser = await bot.AskAsync(user, "/language");
        await bot.Telegram.PressButtonAsync(user, chooser, "English");
        await bot.Telegram.WaitForEditAsync(user.ChatId);
        return user;
    }

    /// <summary>A linked student with one absence recorded by the curator; the student's notice of it is taken.</summary>
    private async Task<FakeUser> StudentWithAbsenceAsync(string code, string dateAndSubject)
    {
        var student = await bot.LinkAsync(code);
        await RecordAsync(student, dateAndSubject, code);
        return student;
    }

    private async Task RecordAsync(FakeUser student, string dateAndSubject, string code = EnglishStudent)
    {
        await bot.Telegram.SendTextAsync(curator, $"/absent {code} 2 {dateAndSubject}");
        await bot.Telegram.WaitForMessageAsync(curator.ChatId, m => m.Text?.Contains("2 hours") == true);
        await bot.Telegram.WaitForMessageAsync(student.ChatId);
    }

    /// <summary>The whole flow with a photo as proof; returns the student's confirmation.</summary>
    private async Task<BotMessage> SubmitAsync(FakeUser student, string reason, string comment)
    {
        var picker = await bot.AskAsync(student, "/excuse");
        var screen = await PressAsync(student, picker, FirstAbsenceButton(student));
        await PressAsync(student, screen, reason);
        await bot.AskAsync(student, comment);
        await bot.Telegram.SendPhotoAsync(student, Certificate);
        return await bot.Telegram.WaitForMessageAsync(student.ChatId);
    }

    private string FirstAbsenceButton(FakeUser student) =>
        bot.Telegram.LastMessageIn(student.ChatId)!.Buttons.First(b => b.CallbackData!.StartsWith("exs:a:")).CallbackData!;

    private async Task<BotMessage> PressAsync(FakeUser user, BotMessage message, string button)
    {
        await bot.Telegram.PressButtonAsync(user, message, button);
        return await bot.Telegram.WaitForEditAsync(user.ChatId, m => m.MessageId == message.MessageId);
    }

    private int PhotosTo(FakeUser user) => bot.Telegram.RequestsFor("sendPhoto").Count(r => r.ChatId == user.ChatId && r.Succeeded);

    private async Task<long> QueueAsync(string code, OutgoingMessage message)
    {
        await using var db = bot.Database.NewDb();
        var person = await db.People.SingleAsync(p => p.Code == code);
        await bot.OutboxFor(db).EnqueueAsync(person, "test", message, CancellationToken.None);
        await db.SaveChangesAsync();
        return db.Outbox.Local.Single().Id;
    }

    private Task<OutboxMessage> RowAsync(long id) => bot.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(o => o.Id == id));
}
