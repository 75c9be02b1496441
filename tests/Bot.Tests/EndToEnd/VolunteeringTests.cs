using CollegeBot.Domain.WorkBasedLearning;
using CollegeBot.FakeTelegram;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Bot.Tests.EndToEnd;

/// <summary>Item 33: 40 approved hours of volunteering at an organisation with a memorandum can count as practice.</summary>
public sealed class VolunteeringTests : IAsyncLifetime
{
    private const string Notice = "🎉";

    private BotHarness bot = null!;
    private FakeUser volunteer = null!;
    private FakeUser mentor = null!;
    private FakeUser supervisor = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task Reaching_40_approved_hours_at_an_organization_with_a_memorandum_is_told_once_to_the_student_and_the_supervisor()
    {
        await StartAsync(WblSetup.Placements.Replace("order_no", "order_no,memorandum").Replace("2026-12-31,40,,", "2026-12-31,40,,,yes"));
        await PastEntriesAsync((8, 5), (8, 5), (8, 2), (8, 4), (8, 3)); // 32 approved hours: a 2 does not count

        await WriteAndGradeAsync("Sorted the donations 8h", "4");

        var toStudent = await bot.Telegram.WaitForMessageAsync(volunteer.ChatId, m => m.Text!.StartsWith(Notice));
        Assert.Contains("Your volunteering at Red Crescent has reached 40 approved hours (at least 40 are needed)", toStudent.Text);
        Assert.Contains("supervisor Dina Petrova", toStudent.Text);
        var toSupervisor = await bot.Telegram.WaitForMessageAsync(supervisor.ChatId, m => m.Text!.StartsWith(Notice));
        Assert.Contains("The volunteering of Eldar Sydykov at Red Crescent (Sun 1 Nov 2026 – Thu 31 Dec 2026) has reached 40 approved hours", toSupervisor.Text);

        bot.Clock.Advance(TimeSpan.FromDays(1));
        await WriteAndGradeAsync("Packed food parcels 6h", "5");
        Assert.Single(bot.Telegram.MessagesIn(volunteer.ChatId), m => m.Text!.StartsWith(Notice));
        Assert.Single(bot.Telegram.MessagesIn(supervisor.ChatId), m => m.Text!.StartsWith(Notice));
        Assert.Equal(2, await bot.QueryAsync(db => db.Outbox.CountAsync(o => o.Kind == "volunteering.practice")));
    }

    [Fact]
    public async Task Without_a_memorandum_the_hours_count_only_once_an_admin_sets_it()
    {
        await StartAsync(WblSetup.Placements);
        await PastEntriesAsync((8, 5), (8, 5), (8, 5), (8, 5));
        await WriteAndGradeAsync("Sorted the donations 8h", "5");
        Assert.Equal(0, await bot.QueryAsync(db => db.Outbox.CountAsync(o => o.Kind == "volunteering.practice")));

        var admin = await bot.LinkAsync(WblSetup.Admin);
        await bot.AskAsync(admin, "/memorandum Red Crescent yes");
        await bot.AskAsync(admin, "/memorandum Red Crescent yes");

        Assert.Contains("reached 40 approved hours", (await bot.Telegram.WaitForMessageAsync(volunteer.ChatId, m => m.Text!.StartsWith(Notice))).Text);
        Assert.Contains("Eldar Sydykov", (await bot.Telegram.WaitForMessageAsync(supervisor.ChatId, m => m.Text!.StartsWith(Notice))).Text);
        Assert.Equal(2, await bot.QueryAsync(db => db.Outbox.CountAsync(o => o.Kind == "volunteering.practice")));
    }

    private async Task StartAsync(string placements)
    {
        bot = await WblSetup.StartAsync(placements);
        volunteer = await bot.LinkAsync(WblSetup.Volunteer);
        mentor = await bot.LinkAsync(WblSetup.OtherMentor);
        supervisor = await bot.LinkAsync(WblSetup.Supervisor);
    }

    /// <summary>Entries of the days before today, each with its hours and the grade the mentor gave.</summary>
    private async Task PastEntriesAsync(params (int Hours, int Grade)[] entries)
    {
        await using var db = bot.Database.NewDb();
        var placement = await db.Placements.SingleAsync(p => p.Form == WblForm.Volunteering);
        var today = new DateOnly(2026, 11, 23);
        for (var i = 0; i < entries.Length; i++)
        {
            db.DiaryEntries.Add(new DiaryEntry
            {
                PlacementId = placement.Id,
                Date = today.AddDays(-entries.Length + i),
                Text = "Helped at the warehouse",
                Hours = entries[i].Hours,
                Status = DiaryStatus.Reviewed,
                Grade = entries[i].Grade,
                ReviewedAt = bot.Clock.UtcNow,
                ReviewedById = placement.MentorId,
                CreatedAt = bot.Clock.UtcNow,
                SubmittedAt = bot.Clock.UtcNow,
            });
        }

        await db.SaveChangesAsync();
    }

    private async Task WriteAndGradeAsync(string entry, string grade)
    {
        await bot.AskAsync(volunteer, "/diary " + entry);
        var card = await bot.Telegram.WaitForMessageAsync(mentor.ChatId, m => m.Text!.StartsWith("📔"));
        await bot.Telegram.PressButtonAsync(mentor, card, grade);
        await bot.Telegram.WaitForMessageAsync(volunteer.ChatId, m => m.Text!.StartsWith('✅'));
    }
}
