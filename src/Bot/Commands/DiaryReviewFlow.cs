using System.Globalization;
using CollegeBot.Bot.Routing;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.WorkBasedLearning;

namespace CollegeBot.Bot.Commands;

/// <summary>
/// The mentor's buttons under a diary entry: a grade decides at once and invites a comment (the mentor's next message);
/// "Return with a comment" asks what to fix. The <see cref="DiaryReview"/> checks scope, state and version on every press,
/// so another mentor's or a forged button, a second press or a button under an older text changes nothing.
/// </summary>
public sealed class DiaryReviewFlow(Conversations conversations, DiaryReview review, Outbox outbox) : ICallbackHandler, IConversationFlow
{
    public const string Name = "diary-review";

    public string Prefix => DiaryReview.Prefix;
    public string Flow => Name;
    public Roles AllowedRoles => Roles.Mentor;

    /// <summary>The entry the mentor's next message is about, and the card that shows it.</summary>
    public sealed record Target(long EntryId, int Version, int MessageId);

    public async Task<Reply> HandleAsync(CallbackContext ctx, CancellationToken ct)
    {
        switch (ctx.Parts)
        {
            case ["g", var id, var v, var g] when Number(id) is { } entryId && Number(v) is { } version && Number(g) is { } grade:
                var result = await review.GradeAsync(ctx.Caller, entryId, (int)version, (int)grade, ct);
                if (result is not DiaryReviewResult.Graded(var entry, var student))
                {
                    return Refused(result, ctx.MessageId);
                }

                await conversations.SaveAsync(ctx.Caller, Name, "comment", new Target(entry.Id, entry.Version, ctx.MessageId), ct);
                return new Reply(
                    DiaryReview.Decided(entry, entry.Placement!, student, askForComment: true) with { EditMessageId = ctx.MessageId },
                    Text.Of("diary.toast.graded").With("grade", grade).With("student", student.FullName));
            case ["r", var id, var v] when Number(id) is { } entryId && Number(v) is { } version:
                var open = await review.OpenAsync(ctx.Caller, entryId, (int)version, ct);
                if (open is not DiaryReviewResult.Open(var waiting, var author))
                {
                    return Refused(open, ctx.MessageId);
                }

                await conversations.SaveAsync(ctx.Caller, Name, "return", new Target(waiting.Id, waiting.Version, ctx.MessageId), ct);
                return Reply.With(Text.Of("diary.review.type_return").With("student", author.FullName).With("date", waiting.Date));
            default:
                return Reply.ToastOnly(Text.Of("refuse.button_expired"));
        }
    }

    /// <summary>What to fix (after "Return with a comment") or a word on the grade just given.</summary>
    public async Task<Reply> ContinueAsync(CommandContext ctx, Conversation conversation, CancellationToken ct)
    {
        if (await conversations.StateAsync<Target>(ctx.Person, Name, ct) is not { } target)
        {
            return Reply.With("not_a_command");
        }

        if (TypedAnswer.Read(ctx, DiaryReview.MaxCommentLength, "diary.review.type_comment_again", "diary.review.comment_too_long", out var retry) is not { } comment)
        {
            return retry;
        }

        var returning = conversation.Step == "return";
        var result = returning
            ? await review.ReturnAsync(ctx.Person, target.EntryId, target.Version, comment, ct)
            : await review.CommentAsync(ctx.Person, target.EntryId, comment, ct);
        await conversations.EndAsync(ctx.Person, ct);
        return result switch
        {
            DiaryReviewResult.Returned(var entry, var student) => Done(ctx, target, entry, student, "diary.review.returned_done"),
            DiaryReviewResult.Commented(var entry, var student) => Done(ctx, target, entry, student, "diary.review.comment_done"),
            DiaryReviewResult.AlreadyReviewed => Reply.With("diary.review.already_reviewed"),
            DiaryReviewResult.Changed => Reply.With("diary.review.changed"),
            _ => Reply.With("diary.review.refused"),
        };
    }

    /// <summary>The card loses its buttons and shows what the mentor decided, comment included.</summary>
    private Reply Done(CommandContext ctx, Target target, DiaryEntry entry, Person student, string key)
    {
        outbox.Reply(ctx.ChatId, ctx.Person, ctx.Language, DiaryReview.Decided(entry, entry.Placement!, student) with { EditMessageId = target.MessageId });
        return Reply.With(Text.Of(key).With("student", student.FullName));
    }

    private static Reply Refused(DiaryReviewResult result, int messageId) => result switch
    {
        DiaryReviewResult.AlreadyReviewed(var entry, var student) => new Reply(
            DiaryReview.Decided(entry, entry.Placement!, student) with { EditMessageId = messageId },
            entry.Status == DiaryStatus.Returned
                ? Text.Of("diary.toast.already_returned")
                : Text.Of("diary.toast.already_graded").With("grade", entry.Grade ?? 0)),
        DiaryReviewResult.Changed(var entry, var student) => new Reply(
            DiaryReview.Replaced(entry, student) with { EditMessageId = messageId },
            Text.Of("diary.toast.changed")),
        _ => Reply.ToastOnly(Text.Of("refuse.button_not_yours")),
    };

    private static long? Number(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= int.MaxValue ? value : null;
}
