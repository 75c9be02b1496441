using CollegeBot.Domain.People;

namespace CollegeBot.Domain.Attendance;

/// <summary>
/// Hours a student missed on one day (of one subject, when given). While it is not excused, or its excuse still
/// requires it, the missed class must be made up by <see cref="CatchUpDueOn"/>.
/// </summary>
public sealed class Absence
{
    public long Id { get; set; }
    public int StudentId { get; set; }
    public Person? Student { get; set; }

    /// <summary>The college-calendar day of the missed classes.</summary>
    public DateOnly Date { get; set; }

    public int Hours { get; set; }

    /// <summary>As the curator typed it; shown escaped.</summary>
    public string? Subject { get; set; }

    /// <summary>The subject folded for comparison, so "Math" and " math " are the same absence.</summary>
    public required string SubjectKey { get; set; }

    public int RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }

    public bool Excused { get; set; }

    /// <summary>Null when nothing has to be made up (an excuse whose reason needs no catch-up).</summary>
    public DateOnly? CatchUpDueOn { get; set; }

    public DateTime? CaughtUpAt { get; set; }
    public int? CaughtUpById { get; set; }

    /// <summary>When the student, the parents and the curators were told the catch-up is overdue: they are told once.</summary>
    public DateTime? OverdueNotifiedAt { get; set; }

    public bool CatchUpOpen => CatchUpDueOn is not null && CaughtUpAt is null;

    public static string KeyOf(string? subject) =>
        string.Join(' ', (subject ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
