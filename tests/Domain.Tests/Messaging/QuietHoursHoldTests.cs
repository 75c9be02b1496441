using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.Tests.People;
using CollegeBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollegeBot.Domain.Tests.Messaging;

/// <summary>Quiet hours (college time, Bishkek = UTC+6): what is queued inside them waits for their end, unless urgent.</summary>
public sealed class QuietHoursHoldTests
{
    private static QuietHoursHold Hold(string quietHours = "21:00-08:00") =>
        new(new CollegeCalendar(new FakeClock(), Options.Create(new CollegeOptions())), Options.Create(new CollegeOptions { QuietHours = quietHours }));

    /// <summary>A moment in Bishkek as the UTC instant the outbox stores.</summary>
    private static DateTime Bishkek(string local) => DateTime.SpecifyKind(DateTime.Parse(local).AddHours(-6), DateTimeKind.Utc);

    [Theory]
    [InlineData("2026-11-23 23:00", "2026-11-24 08:00")] // evening: the next morning
    [InlineData("2026-11-24 02:30", "2026-11-24 08:00")] // after midnight: the same morning
    [InlineData("2026-11-23 21:00", "2026-11-24 08:00")] // the first minute of quiet
    [InlineData("2026-11-24 07:59", "2026-11-24 08:00")]
    [InlineData("2026-12-31 22:00", "2027-01-01 08:00")] // across the year end
    public void A_notification_inside_quiet_hours_waits_for_their_end(string queued, string sent) =>
        Assert.Equal(Bishkek(sent), Hold().NotBefore("catchup.reminder", Bishkek(queued)));

    [Theory]
    [InlineData("2026-11-23 08:00")]
    [InlineData("2026-11-23 15:00")]
    [InlineData("2026-11-23 20:59")]
    public void A_notification_outside_quiet_hours_goes_at_once(string queued) =>
        Assert.Equal(Bishkek(queued), Hold().NotBefore("catchup.reminder", Bishkek(queued)));

    [Theory]
    [InlineData("reply")]
    [InlineData("linked")]
    [InlineData("apology")]
    public void An_urgent_kind_is_not_held(string kind) =>
        Assert.Equal(Bishkek("2026-11-23 23:00"), Hold().NotBefore(kind, Bishkek("2026-11-23 23:00")));

    [Fact]
    public void Empty_quiet_hours_hold_nothing() =>
        Assert.Equal(Bishkek("2026-11-23 23:00"), Hold("").NotBefore("catchup.reminder", Bishkek("2026-11-23 23:00")));

    [Fact]
    public void Quiet_hours_within_one_day_end_the_same_day() =>
        Assert.Equal(Bishkek("2026-11-23 14:00"), Hold("13:00-14:00").NotBefore("digest", Bishkek("2026-11-23 13:30")));

    [Fact]
    public async Task Every_notification_the_outbox_queues_is_held_and_a_reply_is_not()
    {
        // 22:30 in Bishkek.
        await using var test = await TestDatabase.CreateAsync(new FakeClock(new DateTimeOffset(2026, 11, 23, 16, 30, 0, TimeSpan.Zero)));
        Assert.True((await test.ImportAsync(PeopleTestData.GoodFile)).Succeeded);
        var calendar = new CollegeCalendar(test.Clock, Options.Create(new CollegeOptions()));
        await using (var db = test.NewDb())
        {
            var outbox = new Outbox(db, test.Clock, new QuietHoursHold(calendar, Options.Create(new CollegeOptions())));
            var student = await db.People.SingleAsync(p => p.Code == "S1001");
            await outbox.EnqueueAsync(student, "absence.recorded", OutgoingMessage.Of(Text.Of("x")), CancellationToken.None);
            outbox.Reply(42, student, "en", OutgoingMessage.Of(Text.Of("y")));
            await db.SaveChangesAsync();
        }

        await using var read = test.NewDb();
        var rows = await read.Outbox.AsNoTracking().ToDictionaryAsync(o => o.Kind, o => o.NotBefore);
        Assert.Equal(Bishkek("2026-11-24 08:00"), rows["absence.recorded"]);
        Assert.Equal(test.Clock.UtcNow, rows["reply"]);
    }
}
