using System.Globalization;
using System.Text.RegularExpressions;
using CollegeBot.Bot.Routing;
using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;

namespace CollegeBot.Bot.Commands;

/// <summary>
/// <c>/absent &lt;student-code&gt; &lt;hours&gt; [YYYY-MM-DD] [subject…]</c>: records an absence (the date defaults to today)
/// and tells the student and parents. Every mistake gets an answer that says what is wrong, and nothing is recorded.
/// </summary>
public sealed partial class AbsentCommand(AbsenceRecorder recorder, AbsentFlow flow, CollegeCalendar calendar) : ICommand
{
    public const int MaxSubjectLength = 100;

    public string Name => "absent";
    public Roles AllowedRoles => AttendanceAccess.Recorders;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        if (ctx.Arguments.Length == 0)
        {
            return await flow.StartAsync(ctx, ct);
        }

        if (!TryParse(ctx.Arguments, calendar.Today, out var request, out var problem))
        {
            return Reply.With(OutgoingMessage.Of(problem!, Text.Of("absent.usage")));
        }

        var result = await recorder.RecordAsync(ctx.Person, request.StudentCode, request.Hours, request.Date, request.Subject, ct);
        return Reply.With(Describe(result));
    }

    /// <summary>What the curator is told of one recording, whatever its outcome.</summary>
    public static OutgoingMessage Describe(RecordResult result) =>
        result switch
        {
            RecordResult.Recorded r => Recorded(r),
            RecordResult.AlreadyRecorded a => OutgoingMessage.Of(AbsenceRecorder.Describe("absent.already_recorded", a.Absence, a.Student)),
            RecordResult.UnknownStudent u => OutgoingMessage.Of(Text.Of("absent.unknown_student").With("code", u.Code)),
            RecordResult.NotYourStudent n => OutgoingMessage.Of(Text.Of("absent.not_your_student").With("student", n.Student.FullName)),
            RecordResult.DateInFuture f => OutgoingMessage.Of(Text.Of("absent.date_in_future").With("date", f.Date)),
            RecordResult.DateTooOld o => OutgoingMessage.Of(Text.Of("absent.date_too_old").With("days", o.MaxBackdateDays)),
            _ => throw new InvalidOperationException($"Unhandled {result.GetType().Name}"),
        };

    private static OutgoingMessage Recorded(RecordResult.Recorded r) =>
        AttendanceLines.WithUnreached(AbsenceRecorder.Describe("absent.recorded", r.Absence, r.Student), r.Unreached);

    public sealed record Request(string StudentCode, int Hours, DateOnly Date, string? Subject);

    /// <summary>Reads the arguments; on failure <paramref name="problem"/> says what is wrong.</summary>
    public static bool TryParse(string arguments, DateOnly today, out Request request, out Text? problem)
    {
        request = new Request("", 0, today, null);
        problem = null;
        var match = Arguments().Match(arguments.Trim());
        if (!match.Success)
        {
            problem = Text.Of("absent.missing_arguments");
            return false;
        }

        if (!int.TryParse(match.Groups["hours"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || hours is < 1 or > AttendanceOptions.MaxHoursPerDay)
        {
            problem = Text.Of("absent.bad_hours").With("hours", match.Groups["hours"].Value).With("max", AttendanceOptions.MaxHoursPerDay);
            return false;
        }

        var date = today;
        if (match.Groups["date"].Success
            && !DateOnly.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            problem = Text.Of("absent.bad_date").With("date", match.Groups["date"].Value);
            return false;
        }

        var subject = match.Groups["subject"].Value.Trim();
        if (subject.Length > MaxSubjectLength)
        {
            problem = Text.Of("absent.subject_too_long").With("max", MaxSubjectLength);
            return false;
        }

        request = new Request(match.Groups["code"].Value, hours, date, subject.Length == 0 ? null : subject);
        return true;
    }

    // A word that looks like a date (digits and dashes) is read as the date, so a typo is an error, not a subject.
    [GeneratedRegex(@"^(?<code>\S+)\s+(?<hours>\S+)(\s+(?<date>\d{2,4}-\d{1,2}-\d{1,2}|\d{4}-\S*)(?=\s|$))?(\s+(?<subject>.*))?$", RegexOptions.Singleline)]
    private static partial Regex Arguments();
}
