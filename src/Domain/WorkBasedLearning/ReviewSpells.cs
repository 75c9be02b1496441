namespace CollegeBot.Domain.WorkBasedLearning;

/// <summary>
/// A mentor's spell of overdue reviews: each entry is overdue from the moment it has waited past the limit until the
/// mentor reviews it (or now, while it still waits); overdue times that overlap or touch make one spell. The supervisor
/// is told once per spell, so a mentor who keeps something overdue for weeks is not reported every day, and one who
/// catches up and falls behind again is reported again.
/// </summary>
public static class ReviewSpells
{
    /// <summary>When the spell going on now began, or null when nothing is overdue now.</summary>
    public static DateTime? CurrentStart(IEnumerable<(DateTime From, DateTime? To)> overdue, DateTime now)
    {
        DateTime? start = null;
        var end = DateTime.MinValue;
        foreach (var (from, to) in overdue.Select(o => (o.From, To: o.To ?? now)).Where(o => o.To > o.From && o.From <= now).OrderBy(o => o.From))
        {
            if (start is null || from > end)
            {
                (start, end) = (from, to);
            }
            else if (to > end)
            {
                end = to;
            }
        }

        return start is not null && end >= now ? start : null;
    }
}
