using System.Globalization;
using System.Text.RegularExpressions;
using CollegeBot.Bot.Routing;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.WorkBasedLearning;

namespace CollegeBot.Bot.Commands;

/// <summary>
/// The student's diary, typed: <c>/diary</c> alone asks for today's text, and the ✏️ Edit button under a saved or returned
/// entry asks for its new text. The <see cref="DiaryDesk"/> checks again when saving, so an old or forged button changes
/// nothing once the mentor has graded.
/// </summary>
public sealed partial class DiaryFlow(Conversations conversations, DiaryDesk desk) : ICallbackHandler, IConversationFlow
{
    public const string Name = "diary";

    public string Prefix => "dy";
    public string Flow => Name;
    public Roles AllowedRoles => Roles.Student;

    /// <summary>The entry being edited; null while writing today's.</summary>
    public sealed record Draft(long? EntryId);

    public static Reply BadHours => Reply.With(Text.Of("diary.bad_hours").With("max", DiaryDesk.MaxHours));

    public async Task<OutgoingMessage> StartAsync(Person student, Placement placement, CancellationToken ct)
    {
        await conversations.SaveAsync(student, Name, "text", new Draft(null), ct);
        return OutgoingMessage.Of(Text.Of("diary.ask_text").With("organization", placement.Organization?.Name ?? "")).WithButtons(Cancel);
    }

    public async Task<Reply> HandleAsync(CallbackContext ctx, CancellationToken ct)
    {
        var parts = ctx.Parts;
        if (parts is ["x"])
        {
            await conversations.EndAsync(ctx.Caller, ct);
            return Reply.With(OutgoingMessage.Of(Text.Of("diary.cancelled")) with { EditMessageId = ctx.MessageId });
        }

        if (parts is not ["e", var id] || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var entryId))
        {
            return Reply.ToastOnly(Text.Of("refuse.button_expired"));
        }

        var (refusal, entry) = await desk.EditableAsync(ctx.Caller, entryId, ct);
        if (refusal is not null)
        {
            return Reply.ToastOnly(refusal is DiaryResult.AlreadyReviewed ? Text.Of("diary.toast.already_reviewed") : Text.Of("refuse.button_not_yours"));
        }

        await conversations.SaveAsync(ctx.Caller, Name, "edit", new Draft(entryId), ct);
        return Reply.With(OutgoingMessage.Of(Text.Of("diary.ask_edit").With("date", entry!.Date).With("text", entry.Text)).WithButtons(Cancel));
    }

    public async Task<Reply> ContinueAsync(CommandContext ctx, Conversation conversation, CancellationToken ct)
    {
        var draft = await conversations.StateAsync<Draft>(ctx.Person, Name, ct) ?? new Draft(null);
        if (!TryReadHours(ctx.Arguments, out var text, out var hours))
        {
            return BadHours;
        }

        var result = draft.EntryId is { } entryId
            ? await desk.EditAsync(ctx.Person, entryId, text, hours, ct)
            : await desk.WriteAsync(ctx.Person, text, hours, ct);
        if (result is not (DiaryResult.Empty or DiaryResult.TooLong))
        {
            // Written, or refused for a reason another try cannot mend.
            await conversations.EndAsync(ctx.Person, ct);
        }

        return Answer(result);
    }

    /// <summary>What the student reads of a diary message, whatever its outcome.</summary>
    public static Reply Answer(DiaryResult result) => result switch
    {
        DiaryResult.Saved s => Reply.With(Saved(s)),
        DiaryResult.NoPlacement => Reply.With("diary.no_placement"),
        DiaryResult.Empty => Reply.With("diary.empty"),
        DiaryResult.TooLong t => Reply.With(Text.Of("diary.too_long").With("max", t.Max).With("length", t.Length)),
        DiaryResult.AlreadyReviewed r => Reply.With(Text.Of("diary.already_reviewed").With("date", r.Entry.Date).With("grade", r.Entry.Grade ?? 0)),
        DiaryResult.UnknownEntry => Reply.With("diary.unknown_entry"),
        _ => throw new InvalidOperationException($"Unhandled {result.GetType().Name}"),
    };

    /// <summary>
    /// Splits the hours off the text: <c>6h</c> (or <c>6ч</c>) as the first or the last word. False when hours are given
    /// but not from 1 to <see cref="DiaryDesk.MaxHours"/>.
    /// </summary>
    public static bool TryReadHours(string message, out string text, out int? hours)
    {
        text = message.Trim();
        hours = null;
        var match = HoursAtEnd().Match(text) is { Success: true } end ? end : HoursAtStart().Match(text);
        if (!match.Success)
        {
            return true;
        }

        text = text.Remove(match.Index, match.Length).Trim();
        var value = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        hours = value;
        return value is >= 1 and <= DiaryDesk.MaxHours;
    }

    private static OutgoingMessage Saved(DiaryResult.Saved saved)
    {
        var (entry, placement, how) = saved;
        var key = how switch
        {
            DiarySave.New => "diary.saved.new",
            DiarySave.Appended => "diary.saved.appended",
            _ => "diary.saved.edited",
        };
        var text = Text.Of(key).With("date", entry.Date).WithHours(entry.Hours).With("mentor", placement.Mentor?.FullName ?? "");
        Text[] unlinked = placement.Mentor is { IsLinked: false } ? [Text.Of("diary.mentor_not_linked")] : [];
        var edit = Button.Of("diary.button.edit", DiaryDesk.EditPrefix + entry.Id.ToString(CultureInfo.InvariantCulture));
        return OutgoingMessage.Of([text, .. unlinked]).WithButtons([edit]);
    }

    private IReadOnlyList<Button> Cancel => [Button.Of("diary.button.cancel", $"{Prefix}:x")];

    [GeneratedRegex(@"(?:^|\s)(?<h>\d{1,3})\s?(?:h|ч)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex HoursAtEnd();

    [GeneratedRegex(@"^(?<h>\d{1,3})\s?(?:h|ч)\.?(?=\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex HoursAtStart();
}
