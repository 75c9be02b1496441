using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Domain.Attendance;

/// <summary>
/// When a student's unexcused hours in a month cross a band of <c>MonthlyUnexcusedThresholds</c>, the curators are
/// told once for that band and month; from the second band the parents too, with the measure the regulation foresees.
/// </summary>
public sealed class EscalationBands(CollegeDb db, Outbox outbox, StudentFamily family, AttendanceOptions options)
{
    /// <summary>The measures of the regulation's ladder, one per band; the bot proposes, a person decides.</summary>
    public static readonly string[] Measures = ["talk", "remark", "reprimand", "council"];

    /// <summary>
    /// Tells who must hear when a student's unexcused hours in the month of <paramref name="inMonth"/> went from
    /// <paramref name="hoursBefore"/> to <paramref name="hoursAfter"/>: nothing unless that crossed into a new band.
    /// </summary>
    public async Task CheckAsync(Person student, DateOnly inMonth, int hoursBefore, int hoursAfter, CancellationToken ct)
    {
        var band = BandOf(hoursAfter);
        if (band == 0 || band <= BandOf(hoursBefore))
        {
            return;
        }

        var threshold = options.MonthlyUnexcusedThresholds[band - 1];
        var measure = Text.Of("escalation.measure." + Measures[Math.Min(band, Measures.Length) - 1]);
        var month = $"{inMonth:yyyy-MM}";
        var curators = await db.GroupCurators.Where(g => g.GroupId == student.GroupId).Select(g => g.Curator!).ToListAsync(ct);
        foreach (var curator in curators)
        {
            var text = Text.Of("escalation.curator").With("student", student.FullName).With("hours", hoursAfter).With("threshold", threshold).With("measure", measure);
            await outbox.EnqueueAsync(curator, "escalation", OutgoingMessage.Of(text), ct, dedupeKey: $"band:{student.Id}:{month}:{band}:curator:{curator.Id}");
        }

        if (band >= 2)
        {
            foreach (var parent in await family.ParentsOfAsync(student, ct))
            {
                var text = Text.Of("escalation.parent").With("student", student.FullName).With("hours", hoursAfter).With("threshold", threshold);
                await outbox.EnqueueAsync(parent, "escalation", OutgoingMessage.Of(text), ct, dedupeKey: $"band:{student.Id}:{month}:{band}:parent:{parent.Id}");
            }
        }
    }

    /// <summary>How many bands <paramref name="hours"/> unexcused hours in a month reach (0 = none).</summary>
    public int BandOf(int hours) => options.MonthlyUnexcusedThresholds.Count(t => hours >= t);
}
