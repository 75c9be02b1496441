using System.Net;
using System.Text.Json;
using CollegeBot.FakeTelegram;

namespace CollegeBot.Bot.Tests.FakeServer;

public sealed class FakeServerMessagesTests : IAsyncLifetime
{
    private FakeBotApiServer server = null!;
    private RawBotClient client = null!;
    private FakeUser user = null!;

    public async Task InitializeAsync()
    {
        server = await FakeBotApiServer.StartAsync(FakeServerOptions.Generous());
        client = new RawBotClient(server);
        user = server.CreateUser("Aida", "ru");
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    private static object Keyboard(params (string Text, string Data)[] buttons) =>
        new { inline_keyboard = new[] { buttons.Select(b => new { text = b.Text, callback_data = b.Data }).ToArray() } };

    [Fact]
    public async Task SendMessage_answers_a_message_with_the_html_parsed_into_entities()
    {
        var answer = await client.SendTextAsync(user.Id, "<b>Привет</b> &lt;you&gt; &amp; <a href=\"https://x.org\">link</a>&#33;");

        Assert.True(answer.Ok, answer.Body);
        var message = answer.Result!;
        Assert.Equal(1, message["message_id"]!.GetValue<int>());
        Assert.Equal(user.Id, message["chat"]!["id"]!.GetValue<long>());
        Assert.True(message["from"]!["is_bot"]!.GetValue<bool>());
        Assert.True(message["date"]!.GetValue<long>() > 1_700_000_000);
        Assert.Equal("Привет <you> & link!", message["text"]!.GetValue<string>());
        Assert.Equal("bold", message["entities"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(6, message["entities"]![0]!["length"]!.GetValue<int>());
        Assert.Equal("https://x.org", message["entities"]![1]!["url"]!.GetValue<string>());
        Assert.Equal(15, message["entities"]![1]!["offset"]!.GetValue<int>());
        var stored = Assert.Single(server.MessagesIn(user.Id));
        Assert.Equal("HTML", stored.ParseMode);
        Assert.StartsWith("<b>Привет</b>", stored.RawText);
        Assert.DoesNotContain("null", answer.Body);
    }

    [Fact]
    public async Task Message_ids_grow_per_chat_and_share_the_sequence_with_the_users_messages()
    {
        var other = server.CreateUser("Bek");
        await client.SendTextAsync(user.Id, "one");
        await server.SendTextAsync(user, "hi");
        var third = await client.SendTextAsync(user.Id, "two");
        var first = await client.SendTextAsync(other.Id, "one");

        Assert.Equal(3, third.Result!["message_id"]!.GetValue<int>());
        Assert.Equal(1, first.Result!["message_id"]!.GetValue<int>());
        Assert.Equal(2, server.SentCount(user.Id));
    }

    [Theory]
    [InlineData(42L, "hi", "Bad Request: chat not found")]
    [InlineData(0L, "", "Bad Request: message text is empty")]
    [InlineData(0L, "  \n ", "Bad Request: message text is empty")]
    [InlineData(0L, "<b></b>", "Bad Request: message text is empty")]
    public async Task SendMessage_refuses_what_Telegram_refuses(long chatId, string text, string description)
    {
        var answer = await client.SendTextAsync(chatId == 0 ? user.Id : chatId, text);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(400, answer.ErrorCode);
        Assert.Equal(description, answer.Description);
        Assert.Empty(server.MessagesIn(user.Id));
    }

    [Fact]
    public async Task The_4096_limit_counts_utf16_characters_after_parsing()
    {
        var fits = await client.SendTextAsync(user.Id, "<b>" + new string('я', 4096) + "</b>");
        var tooLong = await client.SendTextAsync(user.Id, new string('a', 4097));
        var missingChat = await client.CallAsync("sendMessage", new { text = "x" });

        Assert.True(fits.Ok, fits.Description);
        Assert.Equal("Bad Request: message is too long", tooLong.Description);
        Assert.Equal("Bad Request: chat_id is empty", missingChat.Description);
    }

    [Theory]
    [InlineData("<foo>x</foo>", "Unsupported start tag \"foo\" at byte offset 0")]
    [InlineData("<b>bold", "Can't find end tag corresponding to start tag \"b\"")]
    [InlineData("x <b", "Unclosed start tag at byte offset 2")]
    [InlineData("a < b", "Unsupported start tag \"\" at byte offset 2")]
    [InlineData("Привет <br>", "Unsupported start tag \"br\" at byte offset 13")]
    [InlineData("<b>x</i>", "Unmatched end tag at byte offset 4, expected \"</b>\", found \"</i>\"")]
    [InlineData("x</b>", "Unexpected end tag at byte offset 1")]
    [InlineData("<span>x</span>", "Tag \"span\" must have class \"tg-spoiler\" at byte offset 0")]
    [InlineData("Tom & Jerry", "Character entity expected at byte offset 4")]
    [InlineData("&nbsp;", "Character entity expected at byte offset 0")]
    [InlineData("<b><i>x</b></i>", "Unmatched end tag at byte offset 7, expected \"</i>\", found \"</b>\"")]
    public async Task Bad_html_answers_cant_parse_entities(string html, string detail)
    {
        var answer = await client.SendTextAsync(user.Id, html);

        Assert.Equal(400, answer.ErrorCode);
        Assert.Equal("Bad Request: can't parse entities: " + detail, answer.Description);
    }

    [Fact]
    public async Task All_of_Telegrams_tags_are_accepted()
    {
        var html = "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>" +
            "<a href='https://t.me/x'>a</a><code>c</code><pre><code class=\"language-cs\">p</code></pre>" +
            "<blockquote>q</blockquote><tg-spoiler>t</tg-spoiler><span class=\"tg-spoiler\">h</span>&quot;&#x41;&#66;";

        var answer = await client.SendTextAsync(user.Id, html);

        Assert.True(answer.Ok, answer.Description);
        Assert.Equal("bsieunskdacpqth\"AB", answer.Result!["text"]!.GetValue<string>());
        var pre = server.MessagesIn(user.Id)[0].Entities.Single(e => e.Type == "pre");
        Assert.Equal("cs", pre.Language);
    }

    [Fact]
    public async Task Callback_data_is_limited_to_64_bytes_of_utf8()
    {
        var fits = await client.SendTextAsync(user.Id, "x", replyMarkup: Keyboard(("ok", new string('a', 64))));
        var tooLong = await client.SendTextAsync(user.Id, "x", replyMarkup: Keyboard(("ok", new string('a', 65))));
        var cyrillic = await client.SendTextAsync(user.Id, "x", replyMarkup: Keyboard(("ok", new string('д', 33))));
        var empty = await client.SendTextAsync(user.Id, "x", replyMarkup: Keyboard(("ok", "")));
        var noText = await client.SendTextAsync(user.Id, "x", replyMarkup: Keyboard(("", "data")));

        Assert.True(fits.Ok, fits.Description);
        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", tooLong.Description);
        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", cyrillic.Description);
        Assert.Equal("Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard", empty.Description);
        Assert.Equal(400, noText.ErrorCode);
        Assert.Single(server.MessagesIn(user.Id));
    }

    [Fact]
    public async Task Keyboards_are_recorded_as_a_simple_model()
    {
        await client.SendTextAsync(user.Id, "menu", replyMarkup: new
        {
            inline_keyboard = new object[][]
            {
                [new { text = "Yes", callback_data = "y" }, new { text = "No", callback_data = "n" }],
                [new { text = "Site", url = "https://example.org" }],
            },
        });
        await client.SendTextAsync(user.Id, "phone?", replyMarkup: new
        {
            keyboard = new[] { new[] { new { text = "Share", request_contact = true } } },
            resize_keyboard = true,
        });
        await client.SendTextAsync(user.Id, "thanks", replyMarkup: new { remove_keyboard = true });

        var messages = server.MessagesIn(user.Id);

        Assert.Equal(["Yes", "No", "Site"], messages[0].Buttons.Select(b => b.Text));
        Assert.Equal("y", messages[0].FindButton("Yes")!.CallbackData);
        Assert.Equal("https://example.org", messages[0].InlineKeyboard[1][0].Url);
        Assert.True(messages[1].ReplyKeyboard![0][0].RequestContact);
        Assert.True(messages[2].RemovesReplyKeyboard);
    }

    [Fact]
    public async Task Multipart_requests_carry_objects_as_json_text()
    {
        var markup = JsonSerializer.Serialize(Keyboard(("Go", "go")));
        var form = new MultipartFormDataContent
        {
            { new StringContent(user.Id.ToString()), "chat_id" },
            { new StringContent("<i>multi</i>"), "text" },
            { new StringContent("HTML"), "parse_mode" },
            { new StringContent(markup), "reply_markup" },
        };

        var answer = await client.SendAsync("sendMessage", form, default);

        Assert.True(answer.Ok, answer.Body);
        Assert.Equal("go", answer.Result!["reply_markup"]!["inline_keyboard"]![0]![0]!["callback_data"]!.GetValue<string>());
        Assert.Equal("multi", server.MessagesIn(user.Id)[0].Text);
    }

    [Fact]
    public async Task Edits_change_the_message_and_an_identical_edit_is_not_modified()
    {
        var sent = await client.SendTextAsync(user.Id, "Choose", replyMarkup: Keyboard(("A", "a")));
        var id = sent.Result!["message_id"]!.GetValue<int>();

        var edited = await client.CallAsync("editMessageText", new { chat_id = user.Id, message_id = id, text = "<b>Chosen</b>", parse_mode = "HTML", reply_markup = Keyboard(("B", "b")) });
        var same = await client.CallAsync("editMessageText", new { chat_id = user.Id, message_id = id, text = "<b>Chosen</b>", parse_mode = "HTML", reply_markup = Keyboard(("B", "b")) });
        var markupOnly = await client.CallAsync("editMessageReplyMarkup", new { chat_id = user.Id, message_id = id });
        var missing = await client.CallAsync("editMessageText", new { chat_id = user.Id, message_id = 999, text = "x" });

        Assert.True(edited.Ok, edited.Body);
        Assert.Equal("Chosen", edited.Result!["text"]!.GetValue<string>());
        Assert.Equal(
            "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
            same.Description);
        Assert.True(markupOnly.Ok, markupOnly.Body);
        Assert.Equal("Bad Request: message to edit not found", missing.Description);
        var message = Assert.Single(server.MessagesIn(user.Id));
        Assert.Equal(2, message.EditCount);
        Assert.Empty(message.InlineKeyboard);
        var firstEdit = await server.WaitForEditAsync(user.Id, timeout: TimeSpan.FromSeconds(1));
        Assert.Equal("B", firstEdit.Buttons.Single().Text);
    }

    [Fact]
    public async Task Editing_text_without_reply_markup_removes_the_inline_keyboard()
    {
        var sent = await client.SendTextAsync(user.Id, "Choose", replyMarkup: Keyboard(("A", "a")));
        var id = sent.Result!["message_id"]!.GetValue<int>();

        var edited = await client.CallAsync("editMessageText", new { chat_id = user.Id, message_id = id, text = "Done" });

        Assert.True(edited.Ok, edited.Body);
        Assert.Null(edited.Result!["reply_markup"]);
        Assert.Empty(server.MessagesIn(user.Id)[0].InlineKeyboard);
    }

    [Fact]
    public async Task WaitForMessage_hands_each_message_to_one_wait_in_order()
    {
        await client.SendTextAsync(user.Id, "first");
        await client.SendTextAsync(user.Id, "second");
        await client.SendTextAsync(user.Id, "third");

        var second = await server.WaitForMessageAsync(user.Id, m => m.Text == "second");
        var first = await server.WaitForMessageAsync(user.Id);
        var third = await server.WaitForMessageAsync(user.Id);
        var late = server.WaitForMessageAsync(user.Id, timeout: TimeSpan.FromSeconds(2));
        await client.SendTextAsync(user.Id, "fourth");

        Assert.Equal("second", second.Text);
        Assert.Equal("first", first.Text);
        Assert.Equal("third", third.Text);
        Assert.Equal("fourth", (await late).Text);
        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => server.WaitForMessageAsync(user.Id, timeout: TimeSpan.FromMilliseconds(200)));
        Assert.Contains("fourth", timeout.Message);
    }

    [Fact]
    public async Task MarkAllConsumed_makes_waits_see_only_what_comes_next()
    {
        await client.SendTextAsync(user.Id, "old");
        server.MarkAllConsumed(user.Id);
        await client.SendTextAsync(user.Id, "new");

        Assert.Equal("new", (await server.WaitForMessageAsync(user.Id)).Text);
    }

    [Fact]
    public async Task A_reply_to_a_missing_message_is_refused()
    {
        var answer = await client.CallAsync("sendMessage", new { chat_id = user.Id, text = "re", reply_parameters = new { message_id = 77 } });

        Assert.Equal("Bad Request: message to be replied not found", answer.Description);
    }

    [Fact]
    public async Task Deleted_messages_leave_the_chat_and_chat_actions_are_accepted()
    {
        await client.SendTextAsync(user.Id, "oops");
        var deleted = await client.CallAsync("deleteMessage", new { chat_id = user.Id, message_id = 1 });
        var again = await client.CallAsync("deleteMessage", new { chat_id = user.Id, message_id = 1 });
        var typing = await client.CallAsync("sendChatAction", new { chat_id = user.Id, action = "typing" });

        Assert.True(deleted.Ok);
        Assert.Equal("Bad Request: message to delete not found", again.Description);
        Assert.True(typing.Ok);
        Assert.Empty(server.MessagesIn(user.Id));
        Assert.Equal([BotOperationKind.Sent, BotOperationKind.Deleted], server.Operations.Select(o => o.Kind));
    }

    [Fact]
    public async Task Invalid_json_and_an_unknown_parse_mode_are_bad_requests()
    {
        var broken = await client.SendAsync("sendMessage", new StringContent("{\"chat_id\":", System.Text.Encoding.UTF8, "application/json"), default);
        var mode = await client.SendTextAsync(user.Id, "x", parseMode: "BBCode");

        Assert.Equal(400, broken.ErrorCode);
        Assert.Equal("Bad Request: unsupported parse_mode", mode.Description);
    }
}
