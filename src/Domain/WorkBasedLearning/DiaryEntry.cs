namespace CollegeBot.Domain.WorkBasedLearning;

public enum DiaryStatus
{
    /// <summary>Waiting for the mentor's review.</summary>
    Pending = 0,

    /// <summary>Graded by the mentor; it can no longer change.</summary>
    Reviewed = 1,

    /// <summary>Sent back to the student with a comment; the student edits it and it waits again.</summary>
    Returned = 2,
}

/// <summary>
/// One day of the student's diary (күндөлүк): the tasks done and the hours, and the mentor's assessment. One entry per
/// placement and day; a second message the same day is appended to it.
/// </summary>
public sealed class DiaryEntry
{
    public long Id { get; set; }

    public int PlacementId { get; set; }
    public Placement? Placement { get; set; }

    /// <summary>The college-calendar day the entry is for.</summary>
    public DateOnly Date { get; set; }

    /// <summary>What the student wrote; shown escaped.</summary>
    public required string Text { get; set; }

    public int? Hours { get; set; }

    public DiaryStatus Status { get; set; }

    /// <summary>5, 4, 3 or 2, once reviewed.</summary>
    public int? Grade { get; set; }

    /// <summary>The mentor's comment: what to fix when returned, or a word on the grade; shown escaped.</summary>
    public string? Comment { get; set; }

    public DateTime? ReviewedAt { get; set; }
    public int? ReviewedById { get; set; }

    /// <summary>Counts the student's changes; the mentor's buttons carry it, so a button under an older text is known as stale.</summary>
    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    /// <summary>When the student last wrote or changed it: the mentor's waiting time counts from here.</summary>
    public DateTime SubmittedAt { get; set; }

    public bool IsReviewed => Status == DiaryStatus.Reviewed;
}
