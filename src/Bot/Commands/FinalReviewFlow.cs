using System.Globalization;
using CollegeBot.Bot.Routing;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.WorkBasedLearning;

namespace CollegeBot.Bot.Commands;

/// <summary>
/// The mentor's final review of a placement, in three short steps: the review (көз караш) typed, the characterization
/// (мүнөздөмө) typed, the final grade as buttons. Started by the button of the request that comes on the placement's last
/// day (and in /pending). <see cref="FinalReviews"/> checks scope and state again when it is sent.
/// </summary>
public sealed class FinalReviewFlow(Conversations conversations, FinalReviews finals) : ICallbackHandler, IConversationFlow
{
    public const string Name = "final-review";

    public string Prefix => FinalReviews.Prefix;
    public string Flow => Name;
    public Roles AllowedRoles => Roles.Mentor;

    /// <summary>What the mentor has written so far.</summary>
    public sealed record Draft(int PlacementId, string? Review = null, string? Characterization = null);

    public async Task<Reply> HandleAsync(CallbackContext ctx, CancellationToken ct)
    {
        switch (ctx.Parts)
        {
            case ["s", var id] when Number(id) is { } placementId:
                var open = await finals.OpenAsync(ctx.Caller, placementId, ct);
                if (open is not FinalResult.Open(var placement))
                {
                    return Reply.ToastOnly(Refusal(open));
                }

                await conversations.SaveAsync(ctx.Caller, Name, "review", new Draft(placementId), ct);
                return Reply.With(OutgoingMessage.Of(Text.Of("final.ask_review").With("student", placement.Student!.FullName)).WithButtons(Cancel));
            case ["g", var id, var g] when Number(id) is { } placementId && Number(g) is { } grade:
                if (await conversations.ResumeAsync<Draft>(ctx.Caller, Name, ct) is not ("grade", { Review: { } review, Characterization: { } characterization } draft)
                    || draft.PlacementId != placementId)
                {
                    return Reply.ToastOnly(Text.Of("refuse.button_expired"));
                }

                var result = await finals.SubmitAsync(ctx.Caller, placementId, review, characterization, grade, ct);
                await conversations.EndAsync(ctx.Caller, ct);
                return result is FinalResult.Submitted(var done)
                    ? Reply.With(OutgoingMessage.Of(Text.Of("final.done").With("student", done.Student!.FullName).With("grade", grade)) with { EditMessageId = ctx.MessageId })
                    : Reply.ToastOnly(Refusal(result));
            case ["x"]:
                await conversations.EndAsync(ctx.Caller, ct);
                return Reply.With(OutgoingMessage.Of(Text.Of("final.cancelled")) with { EditMessageId = ctx.MessageId });
            default:
                return Reply.ToastOnly(Text.Of("refuse.button_expired"));
        }
    }

    /// <summary>The typed steps: the review, then the characterization.</summary>
    public async Task<Reply> ContinueAsync(CommandContext ctx, Conversation conversation, CancellationToken ct)
    {
        if (await conversations.StateAsync<Draft>(ctx.Person, Name, ct) is not { } draft || conversation.Step == "grade")
        {
            return Reply.With("final.use_buttons");
        }

        if (TypedAnswer.Read(ctx, FinalReviews.MaxTextLength, "final.type_again", "final.too_long", out var retry) is not { } text)
        {
            return retry;
        }

        if (conversation.Step == "review")
        {
            await conversations.SaveAsync(ctx.Person, Name, "characterization", draft with { Review = text }, ct);
            return Reply.With(OutgoingMessage.Of(Text.Of("final.ask_characterization")).WithButtons(Cancel));
        }

        await conversations.SaveAsync(ctx.Person, Name, "grade", draft with { Characterization = text }, ct);
        var id = draft.PlacementId.ToString(CultureInfo.InvariantCulture);
        var grades = DiaryReview.Grades.Select(g => new Button(Text.Of("diary.button.grade").With("grade", g), $"{Prefix}:g:{id}:{g}"));
        return Reply.With(OutgoingMessage.Of(Text.Of("final.ask_grade")).WithButtons([.. grades], Cancel));
    }

    private static Text Refusal(FinalResult result) => result switch
    {
        FinalResult.AlreadySubmitted => Text.Of("final.toast.already_sent"),
        FinalResult.NotYet n => Text.Of("final.toast.not_yet").With("ends", n.Placement.EndsOn),
        _ => Text.Of("refuse.button_not_yours"),
    };

    private IReadOnlyList<Button> Cancel => [Button.Of("diary.button.cancel", $"{Prefix}:x")];

    private static int? Number(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
