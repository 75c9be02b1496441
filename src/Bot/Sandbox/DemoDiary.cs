using CollegeBot.Domain.College;
using CollegeBot.Domain.Persistence;
using CollegeBot.Domain.WorkBasedLearning;

namespace CollegeBot.Bot.Sandbox;

/// <summary>
/// The diaries of the demo placements over the last weeks. <see cref="DiaryDesk"/> writes only today's entry, so the
/// entries of earlier days are inserted as it inserts them and sent to the mentor by <see cref="DiaryReview"/>; the mentors
/// grade and return them through <see cref="DiaryReview"/> the next working day.
/// </summary>
internal sealed class DemoDiary(CollegeDb db, DiaryReview review, CollegeCalendar calendar, DemoTimeline past)
{
    /// <summary>One day of a diary: so many working days ago, what the student wrote, and what the mentor did with it.</summary>
    /// <param name="Grade">The mentor's grade; null leaves the entry waiting (or returned, with <paramref name="Returned"/>).</param>
    /// <param name="Hours">As the student wrote them; null is the placement's usual day, as <see cref="DiaryDesk"/> counts it.</param>
    private sealed record Day(int DaysAgo, string Text, int? Grade = null, string? Returned = null, int? Hours = null);

    /// <summary>Plans every demo diary on <paramref name="past"/>; <paramref name="placements"/> by student code, with their people.</summary>
    public void Plan(IReadOnlyDictionary<string, Placement> placements)
    {
        // Dual education, a mentor who grades the next day: all graded but one returned and yesterday's.
        Plan(placements["S2001"],
            new(6, "Абоненттик линияларды текшерүүгө катыштым, ADSL модемдерди орноттум.", Grade: 5),
            new(5, "Оптикалык кабелди ширетүү боюнча машыгуу, насаатчы менен бирге.", Grade: 4),
            new(4, "Станциядагы коммутаторлордун журналын толтурдум, бузулууларды каттадым.", Grade: 5),
            new(3, "Иштедим.", Returned: "Өтө кыска: кайсы тапшырмаларды аткарганыңызды жана эмнени үйрөнгөнүңүздү жазыңыз."),
            new(2, "Кардарлардын арыздары боюнча чыгууга катыштым, роутерлерди жөндөдүм.", Grade: 4),
            new(1, "Жаңы абоненттерди туташтырдык: эки дарекке чыгып, кабель тарттык."));

        // Practice ending tomorrow, with a mentor silent for a week: the last entries wait past ReviewReminderAfterDays,
        // the oldest of them past EscalateToSupervisorAfterDays.
        Plan(placements["S2002"],
            new(10, "Инструктаж по технике безопасности, знакомство с котельным цехом.", Grade: 5),
            new(9, "Обход турбинного цеха с мастером, изучил схему подачи пара.", Grade: 4),
            new(8, "Снимал показания приборов на щите управления, заполнял журнал.", Grade: 5),
            new(7, "Участвовал в плановом осмотре насосов сетевой воды."),
            new(6, "Изучал релейную защиту генератора по документации станции."),
            new(5, "Помогал электрикам при замене кабельной линии 0,4 кВ."),
            new(4, "Составил однолинейную схему распределительного устройства 10 кВ."),
            new(3, "Проверял изоляцию электродвигателей мегаомметром, записал результаты."),
            new(2, "Дежурил со сменой на щите управления, вёл оперативный журнал."),
            new(1, "Готовил материалы для отчёта по практике, показал мастеру черновик."));

        // An internship whose student went silent five working days ago.
        Plan(placements["S2003"],
            new(10, "Стажировканын биринчи күнү: коопсуздук эрежелери, бөлүм менен тааныштым.", Grade: 5),
            new(9, "Маалымат борборундагы серверлердин абалын текшерүүгө жардам бердим.", Grade: 4),
            new(8, "Тармактык жабдуулардын тизмесин жаңыладым.", Grade: 4),
            new(7, "Кардарларды колдоо кызматында чалууларды угуп, суроолорду каттадым.", Grade: 5),
            new(6, "Насаатчы менен IP-телефониянын жөндөөлөрүн үйрөндүк.", Grade: 4));

        // An apprenticeship under the same silent mentor.
        Plan(placements["S2004"],
            new(9, "Знакомство с мастерской, инструктаж, подготовка рабочего места.", Grade: 4),
            new(8, "Разборка и дефектовка задвижки под руководством наставника.", Grade: 5),
            new(5, "Слесарные работы: изготовил прокладки и заменил их на фланцах."),
            new(2, "Ремонт насоса: замена подшипников и сальниковой набивки."));

        // Volunteering at an organisation with a memorandum: 36 approved hours, so one more day graded 3 or better
        // crosses the 40 of VolunteeringHoursForPractice; the day graded 2 does not count.
        Plan(placements["S2005"],
            new(16, "Sorted donated clothes at the warehouse and packed kits for families.", Grade: 5, Hours: 6),
            new(14, "Helped at the blood donation day: registration desk and guiding donors.", Grade: 4, Hours: 6),
            new(12, "First-aid training for volunteers; practised bandaging and CPR.", Grade: 5, Hours: 6),
            new(10, "Handed out leaflets.", Grade: 2, Hours: 4),
            new(8, "Delivered food parcels to elderly people in the Alamedin district with the team.", Grade: 4, Hours: 6),
            new(6, "Made the warehouse inventory list and checked expiry dates of the first-aid kits.", Grade: 5, Hours: 6),
            new(4, "Assisted the coordinator at the winter clothing drive and counted the donations.", Grade: 3, Hours: 6));
    }

    private void Plan(Placement placement, params Day[] days)
    {
        foreach (var day in days)
        {
            var date = past.WorkingDaysAgo(day.DaysAgo);
            if (!placement.IsActiveOn(date))
            {
                continue;
            }

            var entry = Write(placement, date, day);
            var reviewedOn = past.At(past.NextWorkingDay(date), 10);
            if (day.Grade is { } grade)
            {
                past.On(reviewedOn, async (at, ct) =>
                {
                    var result = await review.GradeAsync(placement.Mentor!, entry.Value!.Id, entry.Value.Version, grade, ct);
                    Reviewed<DiaryReviewResult.Graded>(result, placement, date).Entry.ReviewedAt = at;
                });
            }
            else if (day.Returned is { } comment)
            {
                past.On(reviewedOn, async (at, ct) =>
                {
                    var result = await review.ReturnAsync(placement.Mentor!, entry.Value!.Id, entry.Value.Version, comment, ct);
                    Reviewed<DiaryReviewResult.Returned>(result, placement, date).Entry.ReviewedAt = at;
                });
            }
        }
    }

    /// <summary>The entry as <see cref="DiaryDesk.WriteAsync"/> writes a day's first entry, written that evening.</summary>
    private Later<DiaryEntry> Write(Placement placement, DateOnly date, Day day)
    {
        var written = new Later<DiaryEntry>();
        past.On(past.At(date, 18), async (at, ct) =>
        {
            var entry = new DiaryEntry
            {
                PlacementId = placement.Id,
                Date = date,
                Text = day.Text,
                Hours = day.Hours ?? calendar.DailyNorm(placement),
                Status = DiaryStatus.Pending,
                CreatedAt = at,
                SubmittedAt = at,
            };
            db.DiaryEntries.Add(entry);
            await db.SaveChangesAsync(ct);
            await review.QueueCardAsync(entry, placement, placement.Student!, ct);
            written.Value = entry;
        });
        return written;
    }

    private static T Reviewed<T>(DiaryReviewResult result, Placement placement, DateOnly date)
        where T : DiaryReviewResult =>
        result as T ?? throw new InvalidOperationException(
            $"The demo college could not review {placement.Student!.Code}'s diary entry of {date:yyyy-MM-dd}: {result}.");
}
