using CollegeBot.Domain.College;
using Microsoft.Extensions.Options;

namespace CollegeBot.Domain.Attendance;

/// <summary>
/// When a missed class must be made up: <c>CatchUpDeadlineDays</c> calendar days after the absence, moved to the
/// next working day when that falls on a Sunday or a holiday.
/// </summary>
public sealed class CatchUpPolicy(CollegeCalendar calendar, IOptions<AttendanceOptions> options)
{
    public DateOnly DueDateFor(DateOnly absenceDate) =>
        calendar.NextWorkingDayFrom(absenceDate.AddDays(options.Value.CatchUpDeadlineDays));

    /// <summary>Overdue from the day after the due date.</summary>
    public bool IsOverdue(DateOnly dueOn, DateOnly today) => today > dueOn;
}
