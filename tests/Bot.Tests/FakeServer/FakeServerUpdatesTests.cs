using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CollegeBot.FakeTelegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CollegeBot.Bot.Tests.FakeServer;

public sealed class FakeServerUpdatesTests : IAsyncLifetime
{
    private FakeBotApiServer server = null!;
    private RawBotClient client = null!;

    public async Task InitializeAsync()
    {
        server = await FakeBotApiServer.StartAsync(FakeServerOptions.Generous());
        client = new RawBotClient(server);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task GetMe_answers_the_bot_user_in_an_envelope()
    {
        Assert.Matches(@"^http://127\.0\.0\.1:\d+$", server.BaseUrl);
        var answer = await client.CallAsync("getMe");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("application/json", answer.ContentType);
        Assert.True(answer.Ok);
        Assert.Equal(123456789, answer.Result!["id"]!.GetValue<long>());
        Assert.True(answer.Result["is_bot"]!.GetValue<bool>());
        Assert.Equal("college_test_bot", answer.Result["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_token_answers_401_and_an_unknown_method_404()
    {
        client.Token = "123456789:wrong";
        var unauthorized = await client.CallAsync("getMe");
        client.Token = server.Token;
        var unknown = await client.CallAsync("sendTelepathy");

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.Status);
        Assert.False(unauthorized.Ok);
        Assert.Equal(401, unauthorized.ErrorCode);
        Assert.Equal("Unauthorized", unauthorized.Description);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("Not Found", unknown.Description);
    }

    [Fact]
    public async Task Method_names_ignore_case_and_parameters_may_come_as_a_form_or_a_query_string()
    {
        var user = server.CreateUser("Aida");
        var form = await client.FormAsync("SENDMESSAGE", new Dictionary<string, string> { ["chat_id"] = $"{user.Id}", ["text"] = "form" });
        using var response = await client.Http.GetAsync(client.Url($"bot{server.Token}/sendMessage?chat_id={user.Id}&text=query"));

        Assert.True(form.Ok, form.Body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["form", "query"], server.MessagesIn(user.Id).Select(m => m.Text));
    }

    [Fact]
    public async Task Updates_are_delivered_again_until_an_offset_beyond_them_confirms_them()
    {
        var user = server.CreateUser("Aida", "ky");
        var first = await server.SendTextAsync(user, "hello");
        var second = await server.SendTextAsync(user, "again");

        var once = await client.GetUpdatesAsync();
        var twice = await client.GetUpdatesAsync();
        var afterFirst = await client.GetUpdatesAsync(offset: first.UpdateId + 1);
        var afterAll = await client.GetUpdatesAsync(offset: second.UpdateId + 1);

        Assert.Equal(2, once.Count);
        Assert.Equal(first.UpdateId, once[0]!["update_id"]!.GetValue<long>());
        Assert.Equal("hello", once[0]!["message"]!["text"]!.GetValue<string>());
        Assert.Equal(user.Id, once[0]!["message"]!["chat"]!["id"]!.GetValue<long>());
        Assert.True(user.Id > uint.MaxValue);
        Assert.Equal("ky", once[0]!["message"]!["from"]!["language_code"]!.GetValue<string>());
        Assert.Equal(2, twice.Count);
        Assert.Single(afterFirst);
        Assert.Empty(afterAll);
        Assert.Equal(second.UpdateId + 1, server.LastConfirmedOffset);
        Assert.Equal(0, server.PendingUpdateCount);
    }

    [Fact]
    public async Task Limit_caps_the_batch()
    {
        var user = server.CreateUser("Aida");
        for (var i = 0; i < 3; i++)
        {
            await server.SendTextAsync(user, $"m{i}");
        }

        var answer = await client.CallAsync("getUpdates", new { limit = 2 });

        Assert.Equal(2, answer.Result!.AsArray().Count);
        Assert.Equal(3, server.PendingUpdateCount);
    }

    [Fact]
    public async Task A_long_poll_returns_as_soon_as_an_update_arrives()
    {
        var user = server.CreateUser("Aida");
        var watch = Stopwatch.StartNew();
        var poll = client.GetUpdatesAsync(timeout: 10);
        await Task.Delay(200);
        Assert.False(poll.IsCompleted);
        await server.SendTextAsync(user, "wake up");

        var updates = await poll;

        Assert.Single(updates);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_long_poll_without_updates_ends_empty_at_its_timeout()
    {
        var watch = Stopwatch.StartNew();
        var updates = await client.GetUpdatesAsync(timeout: 1);

        Assert.Empty(updates);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_second_poller_terminates_the_first_with_409()
    {
        var first = client.CallAsync("getUpdates", new { timeout = 10 });
        await Task.Delay(200);
        var second = client.CallAsync("getUpdates", new { timeout = 1 });

        var terminated = await first;

        Assert.Equal(HttpStatusCode.Conflict, terminated.Status);
        Assert.Equal(409, terminated.ErrorCode);
        Assert.Equal(
            "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
            terminated.Description);
        Assert.True((await second).Ok);
    }

    [Fact]
    public async Task A_webhook_blocks_getUpdates_until_it_is_deleted()
    {
        var rejected = await client.CallAsync("setWebhook", new { url = "http://example.org/hook" });
        var set = await client.CallAsync("setWebhook", new { url = "https://example.org/hook", secret_token = "s3cret_-" });
        var conflict = await client.CallAsync("getUpdates");
        var info = await client.CallAsync("getWebhookInfo");
        var deleted = await client.CallAsync("deleteWebhook");
        var polled = await client.CallAsync("getUpdates");

        Assert.Equal(400, rejected.ErrorCode);
        Assert.True(set.Ok, set.Body);
        Assert.Equal("Webhook was set", set.Description);
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Equal(
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
            conflict.Description);
        Assert.Equal("https://example.org/hook", info.Result!["url"]!.GetValue<string>());
        Assert.True(deleted.Ok);
        Assert.True(polled.Ok);
        Assert.Null(server.WebhookUrl);
    }

    [Fact]
    public async Task Allowed_updates_persist_between_calls_and_filter_the_kinds()
    {
        var user = server.CreateUser("Aida");
        await client.GetUpdatesAsync(allowed: ["message"]);
        server.BlockBot(user);
        server.UnblockBot(user);
        await server.SendTextAsync(user, "only me");

        var updates = await client.GetUpdatesAsync();

        var update = Assert.Single(updates);
        Assert.NotNull(update!["message"]);
    }

    [Fact]
    public async Task A_command_carries_a_bot_command_entity_up_to_the_first_space()
    {
        var user = server.CreateUser("Aida");
        await server.SendTextAsync(user, "/start@college_test_bot payload");
        await server.SendTextAsync(user, "just text");

        var updates = await client.GetUpdatesAsync();

        var entity = updates[0]!["message"]!["entities"]![0]!;
        Assert.Equal("bot_command", entity["type"]!.GetValue<string>());
        Assert.Equal(0, entity["offset"]!.GetValue<int>());
        Assert.Equal("/start@college_test_bot".Length, entity["length"]!.GetValue<int>());
        Assert.Null(updates[1]!["message"]!["entities"]);
    }

    [Fact]
    public async Task Pending_updates_go_to_the_webhook_with_the_secret_header()
    {
        await using var delivering = await FakeBotApiServer.StartAsync(new FakeServerOptions
        {
            DeliverWebhooks = true,
            ValidateWebhookUrl = false,
        });
        var received = new List<(string? Secret, JsonNode? Update)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using var receiver = builder.Build();
        receiver.MapPost("/hook", async (HttpContext context) =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            lock (received)
            {
                received.Add((context.Request.Headers["X-Telegram-Bot-Api-Secret-Token"], JsonNode.Parse(body)));
            }

            return Results.Ok();
        });
        await receiver.StartAsync();
        var url = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";
        using var hookClient = new RawBotClient(delivering);
        var user = delivering.CreateUser("Aida");
        await delivering.SendTextAsync(user, "via webhook");

        var set = await hookClient.CallAsync("setWebhook", new { url, secret_token = "abc" });
        await delivering.WaitForUpdatesConfirmedAsync(TimeSpan.FromSeconds(5));

        Assert.True(set.Ok, set.Body);
        var (secret, update) = Assert.Single(received);
        Assert.Equal("abc", secret);
        Assert.Equal("via webhook", update!["message"]!["text"]!.GetValue<string>());
        await receiver.StopAsync();
    }

    [Fact]
    public async Task Disposing_the_server_ends_a_pending_long_poll_at_once()
    {
        var other = await FakeBotApiServer.StartAsync();
        using var otherClient = new RawBotClient(other);
        var poll = otherClient.CallAsync("getUpdates", new { timeout = 30 });
        await Task.Delay(150);
        var watch = Stopwatch.StartNew();

        await other.DisposeAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => poll);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Parallel_users_and_sends_keep_consistent_state()
    {
        var users = Enumerable.Range(0, 8).Select(i => server.CreateUser($"U{i}")).ToList();

        await Task.WhenAll(users.Select(async u =>
        {
            for (var i = 0; i < 5; i++)
            {
                await server.SendTextAsync(u, $"in {i}");
                Assert.True((await client.SendTextAsync(u.Id, $"out {i}")).Ok);
            }
        }));

        Assert.All(users, u => Assert.Equal(5, server.SentCount(u.Id)));
        Assert.All(users, u => Assert.Equal(Enumerable.Range(1, 5).Select(i => i * 2), server.MessagesIn(u.Id).Select(m => m.MessageId)));
        Assert.Equal(40, server.PendingUpdateCount);
        var updates = await client.GetUpdatesAsync();
        var ids = updates.Select(u => u!["update_id"]!.GetValue<long>()).ToList();
        Assert.Equal(ids.Order(), ids);
    }
}
