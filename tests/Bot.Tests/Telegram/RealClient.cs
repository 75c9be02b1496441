using System.Net;
using System.Net.Sockets;
using CollegeBot.Bot.Telegram;
using CollegeBot.Bot.Tests.Support;
using CollegeBot.FakeTelegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CollegeBot.Bot.Tests.Telegram;

/// <summary>
/// The real <see cref="BotApiClient"/> as the host gets it: <see cref="TelegramServiceCollectionExtensions.AddTelegramClient"/>
/// on a service collection, settings from an in-memory configuration, and every log line of every category at
/// Trace kept in <see cref="Logs"/>.
/// </summary>
internal sealed class RealClient : IDisposable
{
    private readonly ServiceProvider provider;

    private RealClient(ServiceProvider provider, CapturedLogs logs)
    {
        this.provider = provider;
        Logs = logs;
        Client = provider.GetRequiredService<BotApiClient>();
    }

    public BotApiClient Client { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => provider;

    /// <summary>Settings that point the client at <paramref name="server"/>.</summary>
    public static Dictionary<string, string?> SettingsFor(FakeBotApiServer server, int requestTimeoutSeconds = 10) => new()
    {
        ["Telegram:BotToken"] = server.Token,
        ["Telegram:ApiBaseUrl"] = server.BaseUrl,
        ["Telegram:RequestTimeoutSeconds"] = requestTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static RealClient For(FakeBotApiServer server, int requestTimeoutSeconds = 10) =>
        Create(SettingsFor(server, requestTimeoutSeconds));

    public static RealClient Create(IDictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var logs = new CapturedLogs();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddTelegramClient(configuration);
        configure?.Invoke(services);
        return new RealClient(services.BuildServiceProvider(validateScopes: true), logs);
    }

    /// <summary>A port on 127.0.0.1 that nothing listens on (it was free a moment ago and was closed again).</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose() => provider.Dispose();
}

/// <summary>A fake Bot API server and the real client pointed at it.</summary>
internal sealed class ClientAndServer : IAsyncDisposable
{
    private ClientAndServer(FakeBotApiServer server, RealClient real)
    {
        Server = server;
        Real = real;
    }

    public FakeBotApiServer Server { get; }

    public RealClient Real { get; }

    public BotApiClient Client => Real.Client;

    public CapturedLogs Logs => Real.Logs;

    public static async Task<ClientAndServer> StartAsync(FakeServerOptions? options = null, int requestTimeoutSeconds = 10)
    {
        var server = await FakeBotApiServer.StartAsync(options ?? FakeServerOptions.Generous());
        return new ClientAndServer(server, RealClient.For(server, requestTimeoutSeconds));
    }

    public async ValueTask DisposeAsync()
    {
        Real.Dispose();
        await Server.DisposeAsync();
    }
}
