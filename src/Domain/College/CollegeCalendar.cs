using Microsoft.Extensions.Options;

namespace CollegeBot.Domain.College;

/// <summary>College time: today's date, working days and holidays, all in <c>College:TimeZone</c>.</summary>
public sealed class CollegeCalendar(TimeProvider clock, IOptions<CollegeOptions> options)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
    private readonly HashSet<DateOnly> holidays = [.. options.Value.Holidays];

    public TimeZoneInfo Zone => zone;

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateTime LocalNow => TimeZoneInfo.ConvertTimeFromUtc(UtcNow, zone);

    public DateOnly Today => DateOnly.FromDateTime(LocalNow);

    public bool IsHoliday(DateOnly date) => holidays.Contains(date);

    /// <summary>Sundays and the configured holidays are not working days.</summary>
    public bool IsWorkingDay(DateOnly date) => date.DayOfWeek != DayOfWeek.Sunday && !IsHoliday(date);

    public DateOnly NextWorkingDayFrom(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>The UTC instant at which a college-time moment happens.</summary>
    public DateTime ToUtc(DateOnly date, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), zone);
}
