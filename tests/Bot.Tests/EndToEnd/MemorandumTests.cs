using Microsoft.EntityFrameworkCore;

namespace CollegeBot.Bot.Tests.EndToEnd;

/// <summary>/memorandum: an admin marks which organisations have a cooperation memorandum with the university.</summary>
public sealed class MemorandumTests : IAsyncLifetime
{
    private BotHarness bot = null!;

    public async Task InitializeAsync() => bot = await WblSetup.StartAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task An_admin_lists_the_organizations_and_sets_a_memorandum_by_name_ignoring_case()
    {
        var admin = await bot.LinkAsync(WblSetup.Admin);

        var list = await bot.AskAsync(admin, "/memorandum");
        Assert.Contains("Kyrgyztelecom — no memorandum", list.Text);
        Assert.Contains("Red Crescent — no memorandum", list.Text);

        Assert.Contains("Red Crescent now has a cooperation memorandum", (await bot.AskAsync(admin, "/memorandum  red   crescent yes")).Text);
        Assert.Contains("already has a memorandum; nothing changed", (await bot.AskAsync(admin, "/memorandum Red Crescent yes")).Text);
        Assert.True(await bot.QueryAsync(db => db.Organizations.Where(o => o.Name == "Red Crescent").Select(o => o.HasMemorandum).SingleAsync()));
        Assert.Contains("Red Crescent — ✅ memorandum", (await bot.AskAsync(admin, "/memorandum")).Text);

        Assert.Contains("now has no memorandum", (await bot.AskAsync(admin, "/memorandum Red Crescent no")).Text);
        Assert.False(await bot.QueryAsync(db => db.Organizations.AnyAsync(o => o.HasMemorandum)));
    }

    [Fact]
    public async Task An_unknown_name_or_answer_changes_nothing_and_says_why()
    {
        var admin = await bot.LinkAsync(WblSetup.Admin);

        var similar = await bot.AskAsync(admin, "/memorandum Crescent yes");
        Assert.Contains("no organization named exactly “Crescent”", similar.Text);
        Assert.Contains("• Red Crescent", similar.Text);
        Assert.Contains("no organization named “Nowhere”", (await bot.AskAsync(admin, "/memorandum Nowhere yes")).Text);
        Assert.Contains("Write it as", (await bot.AskAsync(admin, "/memorandum Red Crescent maybe")).Text);
        Assert.False(await bot.QueryAsync(db => db.Organizations.AnyAsync(o => o.HasMemorandum)));
    }

    [Fact]
    public async Task A_mentor_may_not_set_a_memorandum()
    {
        var mentor = await bot.LinkAsync(WblSetup.Mentor);

        Assert.Contains("/memorandum is for: administrator", (await bot.AskAsync(mentor, "/memorandum Red Crescent yes")).Text);
        Assert.False(await bot.QueryAsync(db => db.Organizations.AnyAsync(o => o.HasMemorandum)));
    }
}
