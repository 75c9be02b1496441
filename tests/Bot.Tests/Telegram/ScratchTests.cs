using Microsoft.Extensions.DependencyInjection;
using CollegeBot.Bot.Telegram;
using CollegeBot.FakeTelegram;
namespace CollegeBot.Bot.Tests.Telegram;
public sealed class ScratchTests
{
    [Fact]
    public async Task Scratch_warm_drop()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");
        await t.Client.GetMeAsync(default);
        await t.Client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "warm"), default);
        t.Server.DropConnectionNext("sendMessage", afterApplying: true);
        Exception? e = null;
        try { await t.Client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "Привет"), default); } catch (Exception ex) { e = ex; }
        Assert.Fail($"exc={e?.GetType().Name}: {e?.Message}\n{e}\nmsgs={string.Join("|", t.Server.MessagesIn(aida.ChatId).Select(m => m.Text))}\nreqs={string.Join("|", t.Server.Requests.Select(r => r.Method + r.HttpStatus))}\nLOGS\n{t.Logs.All}");
    }
    [Fact]
    public async Task Scratch_warm_drop_before()
    {
        await using var t = await ClientAndServer.StartAsync();
        var aida = t.Server.CreateUser("Aida");
        await t.Client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "warm"), default);
        t.Server.DropConnectionNext("sendMessage");
        Exception? e = null;
        try { await t.Client.SendMessageAsync(new SendMessageRequest(aida.ChatId, "Привет"), default); } catch (Exception ex) { e = ex; }
        Assert.Fail($"exc={e?.GetType().Name}: {e?.Message}\nmsgs={string.Join("|", t.Server.MessagesIn(aida.ChatId).Select(m => m.Text))}\nreqs={string.Join("|", t.Server.Requests.Select(r => r.Method + r.HttpStatus))}");
    }
    [Fact]
    public async Task Scratch_plain_logs()
    {
        await using var server = await FakeBotApiServer.StartAsync(FakeServerOptions.Generous());
        using var real = RealClient.Create(RealClient.SettingsFor(server), s => s.AddHttpClient("plain"));
        var http = real.Services.GetRequiredService<IHttpClientFactory>().CreateClient("plain");
        await http.PostAsync($"{server.BaseUrl}/bot{server.Token}/getMe", null);
        Assert.Fail(real.Logs.All);
    }
}
