using CollegeBot.Domain.WorkBasedLearning;

namespace CollegeBot.Domain.Tests.WorkBasedLearning;

public sealed class ReviewSpellsTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);

    private static DateTime DaysAgo(int days) => Now.AddDays(-days);

    [Fact]
    public void Nothing_overdue_now_is_no_spell() =>
        Assert.Null(ReviewSpells.CurrentStart([(DaysAgo(5), DaysAgo(3))], Now));

    [Fact]
    public void Overlapping_overdue_times_are_one_spell_from_the_first()
    {
        // The oldest entry was reviewed 2 days ago, but another has been overdue since 3 days ago: still the same spell.
        Assert.Equal(DaysAgo(6), ReviewSpells.CurrentStart([(DaysAgo(6), DaysAgo(2)), (DaysAgo(3), null), (DaysAgo(1), null)], Now));
    }

    [Fact]
    public void A_gap_with_nothing_overdue_starts_a_new_spell()
    {
        Assert.Equal(DaysAgo(2), ReviewSpells.CurrentStart([(DaysAgo(9), DaysAgo(6)), (DaysAgo(2), null)], Now));
    }

    [Fact]
    public void An_entry_not_yet_overdue_makes_no_spell() =>
        Assert.Null(ReviewSpells.CurrentStart([(Now.AddHours(3), null)], Now));
}
