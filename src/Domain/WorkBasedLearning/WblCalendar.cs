using CollegeBot.Domain.College;

namespace CollegeBot.Domain.WorkBasedLearning;

/// <summary>The calendar questions of work-based learning: which day an instant falls on, how many working days passed.</summary>
public static class WblCalendar
{
    /// <summary>The college-calendar day of a stored UTC instant.</summary>
    public static DateOnly DateOf(this CollegeCalendar calendar, DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, calendar.Zone));

    /// <summary>The working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public static int WorkingDaysAfter(this CollegeCalendar calendar, DateOnly from, DateOnly to)
    {
        var days = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            days += calendar.IsWorkingDay(day) ? 1 : 0;
        }

        return days;
    }

    /// <summary>
    /// The hours of a usual day of the placement: its planned hours spread over its working days, rounded; null when the
    /// placement has no planned hours.
    /// </summary>
    public static int? DailyNorm(this CollegeCalendar calendar, Placement placement)
    {
        var days = calendar.WorkingDaysAfter(placement.StartsOn.AddDays(-1), placement.EndsOn);
        return placement.PlannedHours is { } planned && days > 0
            ? Math.Clamp((int)Math.Round((decimal)planned / days, MidpointRounding.AwayFromZero), 1, DiaryDesk.MaxHours)
            : null;
    }
}
