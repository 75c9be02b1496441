using CollegeBot.Bot.Sandbox;

namespace CollegeBot.Bot.Tests.Sandbox;

public sealed class DemoArgumentsTests
{
    [Fact]
    public void No_arguments_mean_the_terminal_a_temporary_database_and_now()
    {
        var demo = DemoArguments.Parse([], out var error);

        Assert.Null(error);
        Assert.Null(demo!.Script);
        Assert.Null(demo.Database);
        Assert.Null(demo.Start);
        Assert.Empty(demo.Settings);
    }

    [Fact]
    public void Script_database_start_and_settings_are_read_in_any_order()
    {
        var demo = DemoArguments.Parse(
            ["--start", "2026-12-01 09:00", "--College:QuietHours=", "--db", "my.db", "--script", "walk.txt"], out var error);

        Assert.Null(error);
        Assert.Equal("walk.txt", demo!.Script);
        Assert.Equal("my.db", demo.Database);
        Assert.Equal(new DateTime(2026, 12, 1, 9, 0, 0), demo.Start);
        Assert.Equal(["--College:QuietHours="], demo.Settings);
    }

    [Fact]
    public void An_unquoted_start_arrives_as_two_words_and_is_read_as_one() =>
        Assert.Equal(new DateTime(2026, 12, 7, 8, 30, 0), DemoArguments.Parse(["--start", "2026-12-07", "08:30"], out _)!.Start);

    [Theory]
    [InlineData("--start", "tomorrow", "--start wants")]
    [InlineData("--start", "2026-13-01 09:00", "--start wants")]
    [InlineData("--script", null, "--script needs a file")]
    [InlineData("--db", null, "--db needs a file path")]
    [InlineData("--verbose", null, "Unknown argument '--verbose'")]
    [InlineData("walkthrough.txt", null, "Unknown argument 'walkthrough.txt'")]
    public void A_wrong_argument_is_named(string first, string? second, string message)
    {
        var demo = DemoArguments.Parse(second is null ? [first] : [first, second], out var error);

        Assert.Null(demo);
        Assert.Contains(message, error);
    }

    [Fact]
    public void A_script_may_name_its_start_on_its_first_line_after_comments()
    {
        Assert.Equal(new DateTime(2026, 12, 1, 9, 0, 0), DemoArguments.ScriptStart("# a walk\n\nstart 2026-12-01 09:00\npeople\n"));
        Assert.Null(DemoArguments.ScriptStart("people\nstart 2026-12-01 09:00\n"));
    }
}
