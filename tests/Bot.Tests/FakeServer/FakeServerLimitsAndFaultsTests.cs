using System.Diagnostics;
using System.Net;
using CollegeBot.FakeTelegram;
using CollegeBot.Tests.Support;

namespace CollegeBot.Bot.Tests.FakeServer;

public sealed class FakeServerLimitsAndFaultsTests
{
    private static async Task<(FakeBotApiServer Server, RawBotClient Client)> StartAsync(FakeServerOptions? options = null)
    {
        var server = await FakeBotApiServer.StartAsync(options ?? FakeServerOptions.Generous());
        return (server, new RawBotClient(server));
    }

    [Fact]
    public async Task A_second_send_to_a_chat_within_a_second_answers_429_with_retry_after()
    {
        var clock = new FakeClock();
        var (server, client) = await StartAsync(new FakeServerOptions { TimeProvider = clock });
        await using var _ = server;
        using var __ = client;
        var user = server.CreateUser("Aida");
        var other = server.CreateUser("Bek");

        var first = await client.SendTextAsync(user.Id, "one");
        var second = await client.SendTextAsync(user.Id, "two");
        var elsewhere = await client.SendTextAsync(other.Id, "one");
        clock.Advance(TimeSpan.FromSeconds(1));
        var later = await client.SendTextAsync(user.Id, "two again");

        Assert.True(first.Ok);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.Status);
        Assert.Equal(429, second.ErrorCode);
        Assert.Equal("Too Many Requests: retry after 1", second.Description);
        Assert.Equal(1, second.RetryAfter);
        Assert.True(elsewhere.Ok);
        Assert.True(later.Ok);
        Assert.Equal(1, server.TooManyRequestsCount);
        Assert.Equal(2, server.SentCount(user.Id));
        Assert.Contains(server.RequestsFor("sendMessage"), r => r.HttpStatus == 429 && r.RetryAfter == 1 && r.ChatId == user.Id);
    }

    [Fact]
    public async Task Edits_count_toward_the_chat_rate_and_a_burst_allows_several_at_once()
    {
        var clock = new FakeClock();
        var (server, client) = await StartAsync(new FakeServerOptions { TimeProvider = clock, PerChatBurst = 3, PerChatPerSecond = 0.5 });
        await using var _ = server;
        using var __ = client;
        var user = server.CreateUser("Aida");

        var sent = await client.SendTextAsync(user.Id, "one");
        await client.SendTextAsync(user.Id, "two");
        var edit = await client.CallAsync("editMessageText", new { chat_id = user.Id, message_id = 1, text = "uno" });
        var fourth = await client.SendTextAsync(user.Id, "four");

        Assert.True(sent.Ok);
        Assert.True(edit.Ok, edit.Body);
        Assert.Equal(2, fourth.RetryAfter);
    }

    [Fact]
    public async Task The_global_rate_applies_across_chats()
    {
        var clock = new FakeClock();
        var (server, client) = await StartAsync(new FakeServerOptions { TimeProvider = clock, GlobalPerSecond = 3 });
        await using var _ = server;
        using var __ = client;
        var users = Enumerable.Range(0, 4).Select(i => server.CreateUser($"U{i}")).ToList();

        var answers = new List<ApiAnswer>();
        foreach (var user in users)
        {
            answers.Add(await client.SendTextAsync(user.Id, "hi"));
        }

        clock.Advance(TimeSpan.FromMilliseconds(1001));
        var afterWindow = await client.SendTextAsync(users[3].Id, "hi");

        Assert.Equal(3, answers.Count(a => a.Ok));
        Assert.Equal(1, answers[3].RetryAfter);
        Assert.True(afterWindow.Ok);
    }

    [Fact]
    public async Task Rate_limits_can_be_turned_off()
    {
        var (server, client) = await StartAsync(new FakeServerOptions { EnforceRateLimits = false });
        await using var _ = server;
        using var __ = client;
        var user = server.CreateUser("Aida");

        for (var i = 0; i < 5; i++)
        {
            Assert.True((await client.SendTextAsync(user.Id, $"m{i}")).Ok);
        }
    }

    [Fact]
    public async Task Blocking_queues_my_chat_member_and_sends_answer_403_until_unblocked()
    {
        var (server, client) = await StartAsync();
        await using var _ = server;
        using var __ = client;
        var user = server.CreateUser("Aida");

        server.BlockBot(user);
        var blocked = await client.SendTextAsync(user.Id, "hi");
        server.UnblockBot(user);
        var unblocked = await client.SendTextAsync(user.Id, "hi");
        var updates = await client.GetUpdatesAsync();

        Assert.Equal(HttpStatusCode.Forbidden, blocked.Status);
        Assert.Equal("Forbidden: bot was blocked by the user", blocked.Description);
        Assert.True(unblocked.Ok);
        Assert.Equal("kicked", updates[0]!["my_chat_member"]!["new_chat_member"]!["status"]!.GetValue<string>());
        Assert.Equal("member", updates[0]!["my_chat_member"]!["old_chat_member"]!["status"]!.GetValue<string>());
        Assert.Equal("member", updates[1]!["my_chat_member"]!["new_chat_member"]!["status"]!.GetValue<string>());
        Assert.Equal(user.Id, updates[1]!["my_chat_member"]!["chat"]!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Deactivated_users_forbidden_chats_and_migrated_groups_answer_like_Telegram()
    {
        var (server, client) = await StartAsync();
        await using var _ = server;
        using var __ = client;
        var gone = server.CreateUser("Gone");
        var closed = server.CreateUser("Closed");
        var group = server.CreateGroup("IT-21");
        server.DeactivateUser(gone);
        server.Forbid(closed.Id, "Forbidden: bot can't initiate conversation with a user");
        server.MigrateChat(group, -1001234567890);

        var deactivated = await client.SendTextAsync(gone.Id, "hi");
        var forbidden = await client.SendTextAsync(closed.Id, "hi");
        var migrated = await client.SendTextAsync(group, "hi");
        var moved = await client.SendTextAsync(-1001234567890, "hi");

        Assert.Equal("Forbidden: user is deactivated", deactivated.Description);
        Assert.Equal(403, forbidden.ErrorCode);
        Assert.Equal("Forbidden: bot can't initiate conversation with a user", forbidden.Description);
        Assert.Equal("Bad Request: group chat was upgraded to a supergroup chat", migrated.Description);
        Assert.Equal(-1001234567890, migrated.MigrateToChatId);
        Assert.True(moved.Ok, moved.Body);
    }

    [Fact]
    public async Task Injected_errors_and_non_json_pages_come_first_then_normal_answers()
    {
        var (server, client) = await StartAsync();
        await using var _ = server;
        using var __ = client;
        var user = server.CreateUser("Aida");
        server.FailNext("sendMessage", 429, "Too Many Requests: retry after 7", retryAfter: 7);
        server.FailNextWithNonJson("sendMessage", 502);

        var limited = await client.SendTextAsync(user.Id, "a");
        var proxy = await client.SendTextAsync(user.Id, "b");
        var fine = await client.SendTextAsync(user.Id, "c");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal(7, limited.RetryAfter);
        Assert.Equal(HttpStatusCode.BadGateway, proxy.Status);
        Assert.Equal("text/html", proxy.ContentType);
        Assert.StartsWith("<html>", proxy.Body);
        Assert.True(fine.Ok);
        Assert.Equal(["c"], server.MessagesIn(user.Id).Select(m => m.Text));
        Assert.Equal(1, server.TooManyRequestsCount);
    }

    [Fact]
    public async Task A_dropped_connection_gives_no_answer_and_may_have_sent_the_message()
    {
        var (server, client) = await StartAsync();
        await using var _ = server;
        using var __ = client;
        var user = server.CreateUser("Aida");
        server.DropConnectionNext("sendMessage");
        server.DropConnectionNext("sendMessage", afterApplying: true);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendTextAsync(user.Id, "lost"));
        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendTextAsync(user.Id, "delivered"));

        Assert.Equal(["delivered"], server.MessagesIn(user.Id).Select(m => m.Text));
        Assert.Equal(2, server.RequestsFor("sendMessage").Count(r => r.HttpStatus == 0));
    }

    [Fact]
    public async Task A_delay_slows_every_method_but_getUpdates()
    {
        var (server, client) = await StartAsync();
        await using var _ = server;
        using var __ = client;
        server.SetDelay(TimeSpan.FromMilliseconds(400));

        var watch = Stopwatch.StartNew();
        await client.CallAsync("getMe");
        var slow = watch.Elapsed;
        watch.Restart();
        await client.GetUpdatesAsync();
        var fast = watch.Elapsed;

        Assert.True(slow >= TimeSpan.FromMilliseconds(380), $"getMe took {slow}");
        Assert.True(fast < TimeSpan.FromMilliseconds(380), $"getUpdates took {fast}");
    }
}
