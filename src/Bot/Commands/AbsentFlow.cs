using System.Globalization;
using CollegeBot.Bot.Routing;
using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollegeBot.Bot.Commands;

/// <summary>
/// <c>/absent</c> without arguments, as buttons over the curator's group: the day, the students (ticked), each one's
/// hours in pairs, the subject, then a summary to confirm. One message is edited step by step; Cancel leaves it.
/// Every press is checked against the flow's state and the curator's groups, so an old or forged button does nothing.
/// </summary>
public sealed class AbsentFlow(
    CollegeDb db,
    Conversations conversations,
    AbsenceRecorder recorder,
    CollegeCalendar calendar,
    IOptions<AttendanceOptions> options) : ICallbackHandler, IConversationFlow
{
    public const string Name = "absent";
    public string Prefix => "ab";
    public string Flow => Name;
    public Roles AllowedRoles => AttendanceAccess.Recorders;

    /// <summary>What the curator has chosen so far.</summary>
    public sealed record Draft
    {
        public DateOnly? Date { get; init; }
        public int? GroupId { get; init; }
        public List<int> Students { get; init; } = [];
        public Dictionary<int, int> Hours { get; init; } = [];
        public string? Subject { get; init; }
    }

    public async Task<Reply> StartAsync(CommandContext ctx, CancellationToken ct)
    {
        if (!await db.GroupCurators.AnyAsync(g => g.CuratorId == ctx.Person.Id, ct))
        {
            return Reply.With(OutgoingMessage.Of(Text.Of("absent.flow.no_groups"), Text.Of("absent.usage")));
        }

        return Reply.With(await MoveAsync(ctx.Person, "date", new Draft(), editMessageId: null, ct));
    }

    public async Task<Reply> HandleAsync(CallbackContext ctx, CancellationToken ct)
    {
        if (await conversations.ResumeAsync<Draft>(ctx.Caller, Name, ct) is not var (step, draft))
        {
            return Reply.ToastOnly(Text.Of("refuse.button_expired"));
        }

        var parts = ctx.Parts;
        Reply? next = (parts[0], step) switch
        {
            ("x", _) => null,
            ("d", "date") => await ChooseDayAsync(ctx.Caller, draft, parts.ElementAtOrDefault(1), ctx.MessageId, ct),
            ("g", "group") when int.TryParse(parts.ElementAtOrDefault(1), out var group) => await ChooseGroupAsync(ctx.Caller, draft, group, ctx.MessageId, ct),
            ("t", "students") when int.TryParse(parts.ElementAtOrDefault(1), out var student) => await ToggleAsync(ctx.Caller, draft, student, ctx.MessageId, ct),
            ("n", "students") when draft.Students.Count > 0 => Reply.With(await MoveAsync(ctx.Caller, "hours", draft, ctx.MessageId, ct)),
            ("n", "students") => Reply.ToastOnly(Text.Of("absent.flow.tick_someone")),
            ("h", "hours") when int.TryParse(parts.ElementAtOrDefault(1), out var hours) && hours is >= 1 and <= AttendanceOptions.MaxHoursPerDay
                => await SetHoursAsync(ctx.Caller, draft, hours, ctx.MessageId, ct),
            ("s", "subject") => Reply.With(await MoveAsync(ctx.Caller, "confirm", draft with { Subject = null }, ctx.MessageId, ct)),
            ("ok", "confirm") => await RecordAsync(ctx.Caller, draft, ctx.MessageId, ct),
            _ => Reply.ToastOnly(Text.Of("refuse.button_expired")),
        };

        if (next is null)
        {
            await conversations.EndAsync(ctx.Caller, ct);
            return Reply.With(OutgoingMessage.Of(Text.Of("absent.flow.cancelled")) with { EditMessageId = ctx.MessageId });
        }

        return next;
    }

    /// <summary>Typed answers: another date, or the subject.</summary>
    public async Task<Reply> ContinueAsync(CommandContext ctx, Conversation conversation, CancellationToken ct)
    {
        var draft = await conversations.StateAsync<Draft>(ctx.Person, Name, ct) ?? new Draft();
        var text = ctx.Arguments.Trim();
        switch (conversation.Step)
        {
            case "date-text":
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return Reply.With(Text.Of("absent.bad_date").With("date", text));
                }

                if (DateProblem(date) is { } problem)
                {
                    return Reply.With(problem);
                }

                return Reply.With(await AfterDateAsync(ctx.Person, draft with { Date = date }, null, ct));
            case "subject":
                if (text.Length is 0 or > AbsentCommand.MaxSubjectLength)
                {
                    return Reply.With(Text.Of("absent.subject_too_long").With("max", AbsentCommand.MaxSubjectLength));
                }

                return Reply.With(await MoveAsync(ctx.Person, "confirm", draft with { Subject = text }, null, ct));
            default:
                return Reply.With("absent.flow.use_buttons");
        }
    }

    private async Task<Reply> ChooseDayAsync(Person curator, Draft draft, string? choice, int messageId, CancellationToken ct) => choice switch
    {
        "today" => Reply.With(await AfterDateAsync(curator, draft with { Date = calendar.Today }, messageId, ct)),
        "yesterday" => Reply.With(await AfterDateAsync(curator, draft with { Date = calendar.Today.AddDays(-1) }, messageId, ct)),
        "other" => Reply.With(await MoveAsync(curator, "date-text", draft, messageId, ct)),
        _ => Reply.ToastOnly(Text.Of("refuse.button_expired")),
    };

    /// <summary>With one group the students come next; with several, the group first.</summary>
    private async Task<OutgoingMessage> AfterDateAsync(Person curator, Draft draft, int? messageId, CancellationToken ct)
    {
        var groups = await CuratedGroupsAsync(curator, ct);
        return groups.Count == 1
            ? await MoveAsync(curator, "students", draft with { GroupId = groups[0].Id }, messageId, ct)
            : await MoveAsync(curator, "group", draft, messageId, ct);
    }

    private async Task<Reply> ChooseGroupAsync(Person curator, Draft draft, int groupId, int messageId, CancellationToken ct) =>
        (await CuratedGroupsAsync(curator, ct)).Any(g => g.Id == groupId)
            ? Reply.With(await MoveAsync(curator, "students", draft with { GroupId = groupId }, messageId, ct))
            : Reply.ToastOnly(Text.Of("refuse.button_not_yours"));

    private async Task<Reply> ToggleAsync(Person curator, Draft draft, int studentId, int messageId, CancellationToken ct)
    {
        if (!(await StudentsAsync(draft, ct)).Any(s => s.Id == studentId))
        {
            return Reply.ToastOnly(Text.Of("refuse.button_not_yours"));
        }

        List<int> ticked = draft.Students.Contains(studentId) ? [.. draft.Students.Where(s => s != studentId)] : [.. draft.Students, studentId];
        return Reply.With(await MoveAsync(curator, "students", draft with { Students = ticked }, messageId, ct));
    }

    private async Task<Reply> SetHoursAsync(Person curator, Draft draft, int hours, int messageId, CancellationToken ct)
    {
        var student = draft.Students.FirstOrDefault(s => !draft.Hours.ContainsKey(s));
        if (student == 0)
        {
            return Reply.ToastOnly(Text.Of("refuse.button_expired"));
        }

        var next = draft with { Hours = new Dictionary<int, int>(draft.Hours) { [student] = hours } };
        var step = next.Students.All(next.Hours.ContainsKey) ? "subject" : "hours";
        return Reply.With(await MoveAsync(curator, step, next, messageId, ct));
    }

    private async Task<Reply> RecordAsync(Person curator, Draft draft, int messageId, CancellationToken ct)
    {
        var students = await db.People.Where(p => draft.Students.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var lines = new List<Text>();
        foreach (var id in draft.Students.Where(students.ContainsKey))
        {
            var result = await recorder.RecordAsync(curator, students[id].Code, draft.Hours[id], draft.Date!.Value, draft.Subject, ct);
            lines.AddRange(AbsentCommand.Describe(result).Parts);
        }

        await conversations.EndAsync(curator, ct);
        return Reply.With(OutgoingMessage.Of([.. lines]) with { EditMessageId = messageId });
    }

    /// <summary>Saves the draft at <paramref name="step"/> and draws that step's screen.</summary>
    private async Task<OutgoingMessage> MoveAsync(Person curator, string step, Draft draft, int? editMessageId, CancellationToken ct)
    {
        await conversations.SaveAsync(curator, Name, step, draft, ct);
        var cancel = new[] { Button.Of("absent.flow.cancel", "ab:x") };
        var screen = step switch
        {
            "date" => OutgoingMessage.Of(Text.Of("absent.flow.pick_day")).WithButtons(
                [Button.Of("absent.flow.today", "ab:d:today"), Button.Of("absent.flow.yesterday", "ab:d:yesterday")],
                [Button.Of("absent.flow.other_day", "ab:d:other")], cancel),
            "date-text" => OutgoingMessage.Of(Text.Of("absent.flow.type_date")).WithButtons(cancel),
            "group" => OutgoingMessage.Of(Text.Of("absent.flow.pick_group").With("date", draft.Date!.Value))
                .WithButtons([.. (await CuratedGroupsAsync(curator, ct)).Select(g => (IReadOnlyList<Button>)[new Button(Text.Of("absent.flow.label").With("label", g.Name), $"ab:g:{g.Id}")]), cancel]),
            "students" => await StudentsScreenAsync(draft, cancel, ct),
            "hours" => await HoursScreenAsync(draft, cancel, ct),
            "subject" => OutgoingMessage.Of(Text.Of("absent.flow.type_subject")).WithButtons([Button.Of("absent.flow.no_subject", "ab:s")], cancel),
            _ => OutgoingMessage.Of([Text.Of("absent.flow.confirm"), .. await SummaryAsync(draft, ct)])
                .WithButtons([Button.Of("absent.flow.record", "ab:ok")], cancel),
        };
        return screen with { EditMessageId = editMessageId };
    }

    private async Task<OutgoingMessage> StudentsScreenAsync(Draft draft, Button[] cancel, CancellationToken ct)
    {
        var students = await StudentsAsync(draft, ct);
        var rows = students.Chunk(2).Select(pair => (IReadOnlyList<Button>)[.. pair.Select(s =>
            new Button(Text.Of(draft.Students.Contains(s.Id) ? "absent.flow.ticked" : "absent.flow.unticked").With("label", s.FullName), $"ab:t:{s.Id}"))]);
        return OutgoingMessage.Of(Text.Of("absent.flow.pick_students").With("date", draft.Date!.Value).With("count", draft.Students.Count))
            .WithButtons([.. rows, [Button.Of("absent.flow.next", "ab:n")], cancel]);
    }

    private async Task<OutgoingMessage> HoursScreenAsync(Draft draft, Button[] cancel, CancellationToken ct)
    {
        var studentId = draft.Students.First(s => !draft.Hours.ContainsKey(s));
        var name = await db.People.Where(p => p.Id == studentId).Select(p => p.FullName).SingleAsync(ct);
        var perPair = options.Value.HoursPerPair;
        var buttons = Enumerable.Range(1, AttendanceOptions.MaxHoursPerDay / perPair)
            .Select(pairs => new Button(Text.Of("absent.flow.pairs").With("pairs", pairs).With("hours", pairs * perPair), $"ab:h:{pairs * perPair}"));
        return OutgoingMessage.Of(Text.Of("absent.flow.pick_hours").With("student", name))
            .WithButtons([.. buttons.Chunk(3).Select(r => (IReadOnlyList<Button>)r), cancel]);
    }

    private async Task<IEnumerable<Text>> SummaryAsync(Draft draft, CancellationToken ct)
    {
        var names = await db.People.Where(p => draft.Students.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        var subject = draft.Subject is null ? Text.Of("absent.flow.no_subject") : Text.Of("absent.flow.label").With("label", draft.Subject);
        return
        [
            Text.Of("absent.flow.summary").With("date", draft.Date!.Value).With("subject", subject),
            .. draft.Students.Select(s => Text.Of("absent.flow.summary_line").With("student", names[s]).With("hours", draft.Hours[s])),
        ];
    }

    private Task<List<Group>> CuratedGroupsAsync(Person curator, CancellationToken ct) =>
        db.GroupCurators.Where(g => g.CuratorId == curator.Id).Select(g => g.Group!).OrderBy(g => g.Name).ToListAsync(ct);

    private Task<List<Person>> StudentsAsync(Draft draft, CancellationToken ct) =>
        db.People.Where(p => p.GroupId == draft.GroupId && (p.Roles & Roles.Student) != 0).OrderBy(p => p.FullName).ToListAsync(ct);

    private Text? DateProblem(DateOnly date) =>
        date > calendar.Today ? Text.Of("absent.date_in_future").With("date", date)
        : date < calendar.Today.AddDays(-options.Value.MaxBackdateDays) ? Text.Of("absent.date_too_old").With("days", options.Value.MaxBackdateDays)
        : null;
}
