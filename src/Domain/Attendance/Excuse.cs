using CollegeBot.Domain.People;

namespace CollegeBot.Domain.Attendance;

public enum ExcuseStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}

/// <summary>A student's reason for an absence, with a photo or file as proof; the curator approves or rejects it.</summary>
public sealed class Excuse
{
    public long Id { get; set; }
    public long AbsenceId { get; set; }
    public Absence? Absence { get; set; }
    public int StudentId { get; set; }
    public Person? Student { get; set; }

    /// <summary>One of <c>Attendance:ExcuseReasons</c>; it says whether the class must still be made up.</summary>
    public required string ReasonCode { get; set; }

    /// <summary>What the student wrote; shown escaped.</summary>
    public string? Comment { get; set; }

    /// <summary>Telegram's file id of the photo or document; the bot forwards it to the curator by id.</summary>
    public required string FileId { get; set; }

    public bool FileIsPhoto { get; set; }
    public string? FileName { get; set; }

    public ExcuseStatus Status { get; set; }
    public DateTime SubmittedAt { get; set; }
    public int? DecidedById { get; set; }
    public DateTime? DecidedAt { get; set; }

    /// <summary>The curator's reason when rejecting; shown escaped.</summary>
    public string? DecisionNote { get; set; }
}
