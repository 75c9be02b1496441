using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Domain.Attendance;

/// <summary>
/// When a student's unexcused hours in a month cross a band of <c>MonthlyUnexcusedThresholds</c>, the curators are
/// told once for that band and month; from the second band the parents too, with the measure the regulation foresees.
/// </summary>
public sealed class EscalationBands(CollegeDb db, Outbox outbox, AttendanceOptions options)
{
    /// <summary>The measures of the regulation's ladder, one per band; the bot proposes, a person decides.</summary>
    public static readonly string[] Measures = ["talk", "remark", "reprimand", "council"];

    public async Task CheckAsync(Person student, DateOnly inMonth, CancellationToken ct)
    {
        var first = new DateOnly(inMonth.Year, inMonth.Month, 1);
        var next = first.AddMonths(1);
        var hours = await db.Absences
            .Where(a => a.StudentId == student.Id && !a.Excused && a.Date >= first && a.Date < next)
            .SumAsync(a => a.Hours, ct);
        var band = options.MonthlyUnexcusedThresholds.Count(t => hours >= t);
        if (band == 0)
        {
            return;
        }

        var threshold = options.MonthlyUnexcusedThresholds[band - 1];
        var measure = Text.Of("escalation.measure." + Measures[Math.Min(band, Measures.Length) - 1]);
        var month = $"{inMonth:yyyy-MM}";
        var curators = await db.GroupCurators.Where(g => g.GroupId == student.GroupId).Select(g => g.Curator!).ToListAsync(ct);
        foreach (var curator in curators)
        {
            var text = Text.Of("escalation.curator").With("student", student.FullName).With("hours", hours).With("threshold", threshold).With("measure", measure);
            await outbox.EnqueueAsync(curator, "escalation", OutgoingMessage.Of(text), ct, dedupeKey: $"band:{student.Id}:{month}:{band}:curator:{curator.Id}");
        }

        if (band >= 2)
        {
            var parents = await db.ParentChildren.Where(pc => pc.ChildId == student.Id).Select(pc => pc.Parent!).ToListAsync(ct);
            foreach (var parent in parents)
            {
                var text = Text.Of("escalation.parent").With("student", student.FullName).With("hours", hours).With("threshold", threshold);
                await outbox.EnqueueAsync(parent, "escalation", OutgoingMessage.Of(text), ct, dedupeKey: $"band:{student.Id}:{month}:{band}:parent:{parent.Id}");
            }
        }
    }
}
