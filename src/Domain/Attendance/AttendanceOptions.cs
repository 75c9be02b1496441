using System.ComponentModel.DataAnnotations;

namespace CollegeBot.Domain.Attendance;

/// <summary>Section <c>Attendance</c>: the college's rules for absences and their catch-up (DOMAIN.md §1).</summary>
public sealed class AttendanceOptions : IValidatableObject
{
    public const string SectionName = "Attendance";

    /// <summary>Academic hours in one "pair" (a 90-minute class).</summary>
    [Range(1, 4)]
    public int HoursPerPair { get; set; } = 2;

    /// <summary>Calendar days after the absence by which a class must be made up.</summary>
    [Range(1, 120)]
    public int CatchUpDeadlineDays { get; set; } = 14;

    /// <summary>Days before the due date on which the student is reminded; empty means the default [3, 1].</summary>
    /// <remarks>Lists start empty because the configuration binder appends to a list, it does not replace it.</remarks>
    public List<int> ReminderDaysBefore { get; set; } = [];

    /// <summary>Days after the absence within which a student may send an excuse.</summary>
    [Range(0, 60)]
    public int ExcuseSubmissionDays { get; set; } = 3;

    /// <summary>
    /// Bands of unexcused hours in a month; crossing one alerts the curator (from the second, parents too). Empty means
    /// the default [6, 14, 20, 50].
    /// </summary>
    public List<int> MonthlyUnexcusedThresholds { get; set; } = [];

    /// <summary>How far back an absence may be recorded.</summary>
    [Range(0, 366)]
    public int MaxBackdateDays { get; set; } = 30;

    /// <summary>The most hours one absence (one student, one day) may count.</summary>
    public const int MaxHoursPerDay = 12;

    /// <summary>Fills the list settings that were not given.</summary>
    public void ApplyDefaults()
    {
        if (ReminderDaysBefore.Count == 0)
        {
            ReminderDaysBefore = [3, 1];
        }

        if (MonthlyUnexcusedThresholds.Count == 0)
        {
            MonthlyUnexcusedThresholds = [6, 14, 20, 50];
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReminderDaysBefore.Any(d => d is < 1 or > 60))
        {
            yield return new("Attendance:ReminderDaysBefore must hold whole days from 1 to 60, e.g. [3, 1].");
        }

        if (MonthlyUnexcusedThresholds.Any(t => t < 1)
            || !MonthlyUnexcusedThresholds.SequenceEqual(MonthlyUnexcusedThresholds.Order().Distinct()))
        {
            yield return new("Attendance:MonthlyUnexcusedThresholds must be increasing whole hours, e.g. [6, 14, 20, 50].");
        }
    }
}
