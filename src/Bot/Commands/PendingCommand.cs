using CollegeBot.Bot.Routing;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.WorkBasedLearning;

namespace CollegeBot.Bot.Commands;

/// <summary>
/// <c>/pending</c>: the diary entries waiting for this mentor's review, oldest first, each as its own message with its
/// buttons (a message carries one keyboard), after a line that counts them; then the final reviews that are due.
/// </summary>
public sealed class PendingCommand(DiaryReview review, FinalReviews finals, Outbox outbox) : ICommand
{
    /// <summary>Cards sent at once; the rest follow with the next /pending, once these are done.</summary>
    public const int MaxCards = 20;

    public string Name => "pending";
    public Roles AllowedRoles => Roles.Mentor;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var entries = await review.PendingAsync(ctx.Person, ct);
        var finalsDue = await finals.DueAsync(ctx.Person, ct);
        if (entries.Count == 0 && finalsDue.Count == 0)
        {
            return Reply.With("pending.none");
        }

        if (entries.Count > 0)
        {
            Text[] more = entries.Count > MaxCards ? [Text.Of("pending.more").With("shown", MaxCards)] : [];
            Say(ctx, OutgoingMessage.Of([Text.Of("pending.title").With("count", entries.Count), .. more]));
        }

        foreach (var entry in entries.Take(MaxCards))
        {
            Say(ctx, DiaryReview.Card(entry, entry.Placement!, entry.Placement!.Student!));
        }

        foreach (var placement in finalsDue)
        {
            Say(ctx, FinalReviews.Request(placement));
        }

        return Reply.None;
    }

    // In order, one message each: the router's own reply would come after the cards queued here.
    private void Say(CommandContext ctx, OutgoingMessage message) => outbox.Reply(ctx.ChatId, ctx.Person, ctx.Language, message);
}
