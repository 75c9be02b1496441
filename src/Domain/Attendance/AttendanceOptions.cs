using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace CollegeBot.Domain.Attendance;

/// <summary>Section <c>Attendance</c>: the college's rules for absences and their catch-up (DOMAIN.md §1).</summary>
public sealed partial class AttendanceOptions : IValidatableObject
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

    /// <summary>The reasons a student may give for an absence (DOMAIN.md §1), each saying whether the class must still be made up.</summary>
    public static readonly IReadOnlyDictionary<string, bool> DefaultExcuseReasons = new Dictionary<string, bool>
    {
        ["illness"] = true,
        ["family"] = true,
        ["summons"] = false,
        ["duty"] = false,
    };

    /// <summary>
    /// Reason code (1-32 of a-z, 0-9, _) → whether the class must still be made up, e.g.
    /// <c>Attendance:ExcuseReasons:illness=false</c>. The binder merges configured codes into the defaults by key, so a
    /// configured code replaces its default value and adds a new reason; a default reason cannot be removed.
    /// </summary>
    public Dictionary<string, bool> ExcuseReasons { get; set; } = new(DefaultExcuseReasons, StringComparer.Ordinal);

    /// <summary>Days an excuse may wait for the curator's decision before the curator is reminded (once).</summary>
    [Range(1, 30)]
    public int ExcuseReminderAfterDays { get; set; } = 2;

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

        if (ExcuseReasons.Keys.FirstOrDefault(code => !ReasonCode().IsMatch(code)) is { } bad)
        {
            yield return new($"Attendance:ExcuseReasons: the code '{bad}' must be 1-32 of a-z, 0-9 and _, e.g. illness.");
        }
    }

    [GeneratedRegex(@"^[a-z0-9_]{1,32}\z")]
    private static partial Regex ReasonCode();
}
