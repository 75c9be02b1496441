using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.WorkBasedLearning;

namespace CollegeBot.Bot.Commands;

/// <summary>The lines /wbl and /my share about a placement: its people, its diary, the final review, what is wrong.</summary>
internal static class PlacementLines
{
    /// <summary>A supervisor's (or an admin's, with the supervisor named) view of one placement, its problems marked.</summary>
    public static IEnumerable<Text> ForOverseer(PlacementState state, int reviewReminderAfterDays, bool withSupervisor)
    {
        var placement = state.Placement;
        var sign = state.HasProblems ? "problem" : state.Phase.ToString().ToLowerInvariant();
        yield return FinalReviews.Describe("wbl.placement", placement).With("sign", Text.Of("wbl.sign." + sign));
        yield return People(placement, withSupervisor);
        foreach (var line in Diary(state, missingSaidApart: true))
        {
            yield return line;
        }

        if (state.Has(PlacementProblems.FinalReviewMissing))
        {
            yield return Text.Of("wbl.problem.final_missing").WithDistance("ends", placement.EndsOn);
        }

        if (state.Has(PlacementProblems.ReviewsOverdue))
        {
            yield return Text.Of("wbl.problem.reviews_overdue").With("count", state.OverdueReviews).With("days", reviewReminderAfterDays);
        }

        if (state.Has(PlacementProblems.StudentSilent))
        {
            yield return Text.Of("wbl.problem.silent").With("days", state.SilentDays);
        }
    }

    /// <summary>The student's own placement: of today, else the coming or the last one.</summary>
    public static IEnumerable<Text> ForStudent(PlacementState state)
    {
        var placement = state.Placement;
        var title = FinalReviews.Describe("my.placement." + state.Phase.ToString().ToLowerInvariant(), placement);
        yield return state.Phase == PlacementPhase.Upcoming ? title.WithDistance("starts", placement.StartsOn) : title;
        yield return People(placement, withSupervisor: true);
        foreach (var line in Diary(state, missingSaidApart: false))
        {
            yield return line;
        }

        if (state.Phase == PlacementPhase.Active)
        {
            yield return Text.Of(state.WrittenToday ? "my.placement.today.yes" : "my.placement.today.no");
        }
    }

    private static Text People(Placement placement, bool withSupervisor) =>
        Text.Of("wbl.people").With("mentor", placement.Mentor!.FullName)
            .WithOptional("supervisor", withSupervisor ? Text.Of("wbl.supervisor").With("name", placement.Supervisor!.FullName) : null);

    /// <summary>
    /// The diary's counts and the last entry and review; then the final review once the placement is over, unless it is
    /// missing and <paramref name="missingSaidApart"/> (the overseer's problem line says so).
    /// </summary>
    private static IEnumerable<Text> Diary(PlacementState state, bool missingSaidApart)
    {
        if (state.Phase == PlacementPhase.Upcoming)
        {
            yield break;
        }

        yield return Text.Of("wbl.diary")
            .With("written", state.Written).With("reviewed", state.Reviewed).With("waiting", state.Waiting).With("returned", state.Returned)
            .WithOptional("average", state.AverageGrade is { } average ? Text.Of("wbl.average").With("average", average) : null);
        yield return Text.Of("wbl.last").WithDay("entry", state.LastEntryOn).WithDay("review", state.LastReviewOn);

        if (state.Placement.FinalGrade is { } grade && state.Placement.HasFinal)
        {
            yield return Text.Of("wbl.final.done").With("grade", grade);
        }
        else if (state.Phase == PlacementPhase.Ended && !(missingSaidApart && state.Has(PlacementProblems.FinalReviewMissing)))
        {
            yield return Text.Of("wbl.final.awaited");
        }
    }

    /// <summary>"Mon 23 Nov, 2 days ago", or "none yet".</summary>
    private static Text WithDay(this Text text, string name, DateOnly? day) =>
        day is { } date ? text.WithDistance(name, date) : text.With(name, Text.Of("wbl.never"));
}
