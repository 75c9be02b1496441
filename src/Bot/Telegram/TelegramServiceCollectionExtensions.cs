using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CollegeBot.Bot.Telegram;

public static class TelegramServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="TelegramOptions"/> and registers <see cref="BotApiClient"/> as a typed HttpClient. The token
    /// is not checked here: the import verb runs without one, and the client names the setting when it is missing.
    /// </summary>
    public static IServiceCollection AddTelegramClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelegramOptions>().Bind(configuration.GetSection(TelegramOptions.SectionName));

        services.AddHttpClient<BotApiClient>()
            // Each call sets its own timeout (a long poll needs more than a send), so HttpClient's must not cut in.
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            // The poller and the dispatcher are long-lived and keep their client, so connections must be renewed
            // by the handler itself to follow DNS changes.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            // IHttpClientFactory's loggers write request URIs, and ours carry the bot token.
            .RemoveAllLoggers();

        return services;
    }
}
