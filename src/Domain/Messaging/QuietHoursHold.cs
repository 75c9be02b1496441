using System.Collections.Frozen;
using CollegeBot.Domain.College;
using Microsoft.Extensions.Options;

namespace CollegeBot.Domain.Messaging;

/// <summary>
/// <c>College:QuietHours</c>: a notification queued inside the quiet hours (college time) waits until they end, unless
/// its kind is urgent. Every <see cref="Outbox.EnqueueAsync"/> asks here, so no job or handler has to remember it;
/// direct replies (<see cref="Outbox.Reply"/>) never wait, since the person is there and asked.
/// </summary>
public sealed class QuietHoursHold
{
    /// <summary>
    /// The kinds that go out at any hour: answers to what a person just did, when they are queued as notifications.
    /// Everything the bot says of its own accord (absences, reminders, overdue notices, digests, escalations) waits.
    /// </summary>
    public static readonly FrozenSet<string> UrgentKinds = FrozenSet.Create(StringComparer.Ordinal, "reply", "linked", "apology");

    private readonly CollegeCalendar calendar;
    private readonly QuietHours? hours;

    public QuietHoursHold(CollegeCalendar calendar, IOptions<CollegeOptions> options)
    {
        this.calendar = calendar;
        QuietHours.TryParse(options.Value.QuietHours, out hours); // validated at start; an unreadable value means none
    }

    /// <summary>The UTC instant from which a message of <paramref name="kind"/>, wanted at <paramref name="wanted"/> (UTC), may go out.</summary>
    public DateTime NotBefore(string kind, DateTime wanted)
    {
        if (hours is not { } quiet || UrgentKinds.Contains(kind))
        {
            return wanted;
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(wanted, DateTimeKind.Utc), calendar.Zone);
        if (!quiet.Contains(TimeOnly.FromDateTime(local)))
        {
            return wanted;
        }

        // The end of these quiet hours: today's end when it is still ahead (after midnight), else tomorrow's.
        var day = DateOnly.FromDateTime(local);
        var end = calendar.ToUtc(day, quiet.To);
        return end > wanted ? end : calendar.ToUtc(day.AddDays(1), quiet.To);
    }
}
