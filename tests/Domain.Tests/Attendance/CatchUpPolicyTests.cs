using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.College;
using CollegeBot.Tests.Support;
using Microsoft.Extensions.Options;

namespace CollegeBot.Domain.Tests.Attendance;

/// <summary>Due dates: 14 calendar days after the absence, moved off Sundays and holidays.</summary>
public sealed class CatchUpPolicyTests
{
    private static CatchUpPolicy Policy(params string[] holidays) => Policy(14, holidays);

    private static CatchUpPolicy Policy(int days, params string[] holidays)
    {
        var college = new CollegeOptions { Holidays = [.. holidays.Select(DateOnly.Parse)] };
        var calendar = new CollegeCalendar(new FakeClock(), Options.Create(college));
        return new CatchUpPolicy(calendar, Options.Create(new AttendanceOptions { CatchUpDeadlineDays = days }));
    }

    [Theory]
    [InlineData("2026-11-03", "2026-11-17")] // a Tuesday: 14 days later is a Tuesday
    [InlineData("2026-11-16", "2026-11-30")] // Monday to Monday
    public void An_absence_is_due_fourteen_calendar_days_later(string absence, string due) =>
        Assert.Equal(DateOnly.Parse(due), Policy().DueDateFor(DateOnly.Parse(absence)));

    [Fact]
    public void A_due_date_on_a_sunday_moves_to_monday() =>
        Assert.Equal(new DateOnly(2026, 11, 23), Policy().DueDateFor(new DateOnly(2026, 11, 8))); // 22 Nov is a Sunday

    [Fact]
    public void A_due_date_on_a_saturday_stays_since_saturday_is_a_working_day() =>
        Assert.Equal(new DateOnly(2026, 11, 21), Policy().DueDateFor(new DateOnly(2026, 11, 7)));

    [Fact]
    public void A_due_date_crosses_the_month_end() =>
        Assert.Equal(new DateOnly(2026, 12, 8), Policy().DueDateFor(new DateOnly(2026, 11, 24)));

    [Fact]
    public void A_due_date_crosses_the_year_end_and_skips_new_year_holidays() =>
        // 20 Dec + 14 = 3 Jan 2027, a Sunday; 1-4 January are holidays here; the 5th is a Tuesday.
        Assert.Equal(new DateOnly(2027, 1, 5), Policy("2027-01-01", "2027-01-02", "2027-01-04").DueDateFor(new DateOnly(2026, 12, 20)));

    [Fact]
    public void Holidays_in_a_row_after_a_sunday_push_the_date_past_all_of_them() =>
        // 8 Mar 2026 + 14 = 22 Mar (Sunday); Nooruz holidays 23-24 Mar; due on Wednesday the 25th.
        Assert.Equal(new DateOnly(2026, 3, 25), Policy("2026-03-23", "2026-03-24").DueDateFor(new DateOnly(2026, 3, 8)));

    [Fact]
    public void The_leap_day_counts_as_a_day() =>
        // 15 Feb 2028 + 14 = 29 Feb 2028, a Tuesday.
        Assert.Equal(new DateOnly(2028, 2, 29), Policy().DueDateFor(new DateOnly(2028, 2, 15)));

    [Fact]
    public void A_due_date_is_overdue_only_from_the_next_day()
    {
        var due = new DateOnly(2026, 11, 30);
        Assert.False(Policy().IsOverdue(due, due));
        Assert.True(Policy().IsOverdue(due, due.AddDays(1)));
    }

    [Fact]
    public void The_deadline_is_a_setting() =>
        Assert.Equal(new DateOnly(2026, 11, 10), Policy(7).DueDateFor(new DateOnly(2026, 11, 3)));
}
