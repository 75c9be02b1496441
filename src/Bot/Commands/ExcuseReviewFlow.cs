using System.Globalization;
using CollegeBot.Bot.Routing;
using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;

namespace CollegeBot.Bot.Commands;

/// <summary>
/// The curator's Approve / Reject buttons under an excuse. Approve decides at once; Reject asks for the reason, typed
/// in a small flow of its own, which the student then reads. The <see cref="ExcuseDesk"/> checks scope and state on
/// every press, so another curator's or a forged button, or a second press, changes nothing.
/// </summary>
public sealed class ExcuseReviewFlow(Conversations conversations, ExcuseDesk desk, Outbox outbox) : ICallbackHandler, IConversationFlow
{
    public const string Name = "excuse-reject";
    public const int MaxNoteLength = 1000;

    public string Prefix => "ex";
    public string Flow => Name;
    public Roles AllowedRoles => Roles.Curator;

    /// <summary>The excuse being rejected and the curator's message that shows it, to mark it decided.</summary>
    public sealed record Rejection(long ExcuseId, int MessageId);

    public async Task<Reply> HandleAsync(CallbackContext ctx, CancellationToken ct)
    {
        var parts = ctx.Parts;
        if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var excuseId))
        {
            return Reply.ToastOnly(Text.Of("refuse.button_expired"));
        }

        switch (parts[0])
        {
            case "ok":
                var result = await desk.ApproveAsync(ctx.Caller, excuseId, ct);
                if (result is not ReviewResult.Approved approved)
                {
                    return Refused(result);
                }

                var done = AttendanceLines.WithUnreached(Text.Of("excuse.review.approved"), approved.Unreached);
                var shown = await desk.DescribeAsync(approved.Excuse, approved.Absence, approved.Student, ct);
                return new Reply(
                    OutgoingMessage.Of([shown, .. done.Parts]) with { EditMessageId = ctx.MessageId },
                    Text.Of("excuse.toast.approved").With("student", approved.Student.FullName));
            case "no":
                var open = await desk.ReviewableAsync(ctx.Caller, excuseId, ct);
                if (open is not ReviewResult.Open o)
                {
                    return Refused(open);
                }

                await conversations.SaveAsync(ctx.Caller, Name, "note", new Rejection(excuseId, ctx.MessageId), ct);
                return Reply.With(AbsenceText.Describe("excuse.review.type_reason", o.Absence, o.Student));
            default:
                return Reply.ToastOnly(Text.Of("refuse.button_expired"));
        }
    }

    /// <summary>The reason for rejecting, as the curator types it.</summary>
    public async Task<Reply> ContinueAsync(CommandContext ctx, Conversation conversation, CancellationToken ct)
    {
        if (await conversations.StateAsync<Rejection>(ctx.Person, Name, ct) is not { } rejection)
        {
            return Reply.With("not_a_command");
        }

        if (TypedAnswer.Read(ctx, MaxNoteLength, "excuse.review.type_reason_again", "excuse.review.note_too_long", out var retry) is not { } note)
        {
            return retry;
        }

        var result = await desk.RejectAsync(ctx.Person, rejection.ExcuseId, note, ct);
        await conversations.EndAsync(ctx.Person, ct);
        if (result is not ReviewResult.Rejected rejected)
        {
            return Reply.With(result is ReviewResult.AlreadyDecided ? "excuse.review.already_decided" : "excuse.review.refused");
        }

        // The excuse's message loses its buttons and shows the decision, as after Approve.
        var shown = await desk.DescribeAsync(rejected.Excuse, rejected.Absence, rejected.Student, ct);
        outbox.Reply(ctx.ChatId, ctx.Person, ctx.Language,
            OutgoingMessage.Of(shown, Text.Of("excuse.review.rejected").With("note", note)) with { EditMessageId = rejection.MessageId });
        return Reply.With(Text.Of("excuse.review.rejected_done").With("student", rejected.Student.FullName));
    }

    private static Reply Refused(ReviewResult result) => result switch
    {
        ReviewResult.AlreadyDecided d => Reply.ToastOnly(Text.Of(d.Excuse.Status == ExcuseStatus.Approved ? "excuse.toast.already_approved" : "excuse.toast.already_rejected")),
        _ => Reply.ToastOnly(Text.Of("refuse.button_not_yours")),
    };
}
