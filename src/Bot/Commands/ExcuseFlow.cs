using System.Globalization;
using CollegeBot.Bot.Routing;
using CollegeBot.Bot.Telegram;
using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;

namespace CollegeBot.Bot.Commands;

/// <summary>
/// A student's excuse, step by step: the absence and the reason as buttons on one message, then the explanation typed,
/// then a photo or document as proof. Each press is checked against the flow's state and again by the
/// <see cref="ExcuseDesk"/> when submitting, so an old or forged button sends nothing.
/// </summary>
public sealed class ExcuseFlow(Conversations conversations, ExcuseDesk desk) : ICallbackHandler, IConversationFlow
{
    public const string Name = "excuse";
    public const int MaxCommentLength = 1000;
    private const int MaxFileNameLength = 200;

    public string Prefix => "exs";
    public string Flow => Name;
    public Roles AllowedRoles => Roles.Student;

    /// <summary>What the student has chosen so far.</summary>
    public sealed record Draft
    {
        public long? AbsenceId { get; init; }
        public string? Reason { get; init; }
        public string? Comment { get; init; }
    }

    /// <summary>The first screen: the absences that may get an excuse now.</summary>
    public async Task<OutgoingMessage> StartAsync(Person student, ExcuseChoices choices, CancellationToken ct)
    {
        await conversations.SaveAsync(student, Name, "absence", new Draft(), ct);
        var rows = choices.Open.Select(a => (IReadOnlyList<Button>)[new Button(
            AbsenceText.Describe("excuse.flow.absence_button", a, student), $"{Prefix}:a:{a.Id.ToString(CultureInfo.InvariantCulture)}")]);
        return OutgoingMessage.Of(Text.Of("excuse.flow.pick_absence").With("days", choices.Days)).WithButtons([.. rows, Cancel]);
    }

    public async Task<Reply> HandleAsync(CallbackContext ctx, CancellationToken ct)
    {
        if (await conversations.ResumeAsync<Draft>(ctx.Caller, Name, ct) is not var (step, draft))
        {
            return Reply.ToastOnly(Text.Of("refuse.button_expired"));
        }

        var parts = ctx.Parts;
        var choice = parts.ElementAtOrDefault(1);
        return (parts[0], step) switch
        {
            ("x", _) => await EndAsync(ctx.Caller, OutgoingMessage.Of(Text.Of("excuse.flow.cancelled")), ctx.MessageId, ct),
            ("a", "absence") when long.TryParse(choice, NumberStyles.None, CultureInfo.InvariantCulture, out var absenceId)
                => await ChooseAbsenceAsync(ctx, draft, absenceId, ct),
            ("r", "reason") when choice is not null && desk.Reasons.ContainsKey(choice)
                => Reply.With(await MoveAsync(ctx.Caller, "comment", draft with { Reason = choice }, ctx.MessageId, ct)),
            _ => Reply.ToastOnly(Text.Of("refuse.button_expired")),
        };
    }

    /// <summary>Typed answers: the explanation, then the proof.</summary>
    public async Task<Reply> ContinueAsync(CommandContext ctx, Conversation conversation, CancellationToken ct)
    {
        var draft = await conversations.StateAsync<Draft>(ctx.Person, Name, ct) ?? new Draft();
        switch (conversation.Step)
        {
            case "comment":
                if (TypedAnswer.Read(ctx, MaxCommentLength, "excuse.flow.type_comment_again", "excuse.flow.comment_too_long", out var retry) is not { } text)
                {
                    return retry;
                }

                // A photo with a caption answers both steps at once.
                draft = draft with { Comment = text };
                return ProofOf(ctx.Message) is { } both
                    ? await SubmitAsync(ctx.Person, draft, both.File, both.Name, ct)
                    : Reply.With(await MoveAsync(ctx.Person, "file", draft, null, ct));
            case "file":
                return ProofOf(ctx.Message) is { } proof
                    ? await SubmitAsync(ctx.Person, draft, proof.File, proof.Name, ct)
                    : Reply.With("excuse.flow.need_file");
            default:
                return Reply.With("excuse.flow.use_buttons");
        }
    }

    /// <summary>What the student reads of a submission, whatever its outcome.</summary>
    public static Text Answer(SubmitResult result) => result switch
    {
        SubmitResult.Submitted s => Text.Of("excuse.submitted").With("date", s.Absence.Date).WithSubject(s.Absence),
        SubmitResult.TooLate t => Text.Of("excuse.too_late").With("date", t.Absence.Date).With("days", t.Days),
        SubmitResult.AlreadyExcused e => Text.Of("excuse.already_excused").With("date", e.Absence.Date),
        SubmitResult.AlreadyPending p => Text.Of("excuse.already_pending").With("date", p.Absence.Date),
        SubmitResult.UnknownAbsence => Text.Of("excuse.unknown_absence"),
        SubmitResult.UnknownReason => Text.Of("excuse.unknown_reason"),
        SubmitResult.NoCurator => Text.Of("excuse.no_curator"),
        _ => throw new InvalidOperationException($"Unhandled {result.GetType().Name}"),
    };

    private async Task<Reply> ChooseAbsenceAsync(CallbackContext ctx, Draft draft, long absenceId, CancellationToken ct)
    {
        var refusal = await desk.CheckAsync(ctx.Caller, absenceId, ct);
        return refusal switch
        {
            null => Reply.With(await MoveAsync(ctx.Caller, "reason", draft with { AbsenceId = absenceId }, ctx.MessageId, ct)),
            SubmitResult.UnknownAbsence => Reply.ToastOnly(Text.Of("refuse.button_not_yours")),
            _ => await EndAsync(ctx.Caller, OutgoingMessage.Of(Answer(refusal)), ctx.MessageId, ct),
        };
    }

    private async Task<Reply> SubmitAsync(Person student, Draft draft, Attachment proof, string? fileName, CancellationToken ct)
    {
        if (draft is not { AbsenceId: { } absenceId, Reason: { } reason, Comment: { } comment })
        {
            await conversations.EndAsync(student, ct);
            return Reply.With("refuse.button_expired");
        }

        var result = await desk.SubmitAsync(student, absenceId, reason, comment, proof, fileName, ct);
        await conversations.EndAsync(student, ct);
        return Reply.With(Answer(result));
    }

    private async Task<Reply> EndAsync(Person student, OutgoingMessage message, int messageId, CancellationToken ct)
    {
        await conversations.EndAsync(student, ct);
        return Reply.With(message with { EditMessageId = messageId });
    }

    /// <summary>Saves the draft at <paramref name="step"/> and draws that step's screen.</summary>
    private async Task<OutgoingMessage> MoveAsync(Person student, string step, Draft draft, int? editMessageId, CancellationToken ct)
    {
        await conversations.SaveAsync(student, Name, step, draft, ct);
        var screen = step switch
        {
            "reason" => OutgoingMessage.Of(Text.Of("excuse.flow.pick_reason")).WithButtons(
                [.. desk.Reasons.Keys.Order(StringComparer.Ordinal).Select(code => (IReadOnlyList<Button>)[new Button(ExcuseDesk.ReasonText(code), $"{Prefix}:r:{code}")]), Cancel]),
            "comment" => OutgoingMessage.Of(Text.Of("excuse.flow.type_comment").With("reason", ExcuseDesk.ReasonText(draft.Reason!))).WithButtons(Cancel),
            _ => OutgoingMessage.Of(Text.Of("excuse.flow.send_file")).WithButtons(Cancel),
        };
        return screen with { EditMessageId = editMessageId };
    }

    private IReadOnlyList<Button> Cancel => [Button.Of("excuse.flow.cancel", $"{Prefix}:x")];

    private static (Attachment File, string? Name)? ProofOf(Message message) =>
        message.Photo.Largest() is { } photo ? (new Attachment(photo.FileId, IsPhoto: true), null)
        : message.Document is { } document ? (new Attachment(document.FileId, IsPhoto: false), document.FileName?[..Math.Min(document.FileName.Length, MaxFileNameLength)])
        : null;
}
