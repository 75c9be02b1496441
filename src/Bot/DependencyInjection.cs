using CollegeBot.Bot.Commands;
using CollegeBot.Bot.Delivery;
using CollegeBot.Bot.Intake;
using CollegeBot.Bot.Routing;
using CollegeBot.Bot.Telegram;
using CollegeBot.Bot.Texts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CollegeBot.Bot;

public static class DependencyInjection
{
    /// <summary>The Telegram side: client, intake, router and commands, texts, and the outbox dispatcher.</summary>
    public static IHostApplicationBuilder AddBot(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddTelegramClient(builder.Configuration);
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramSettingsValidator>();
        services.AddOptions<TelegramOptions>().ValidateOnStart();
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<TextCatalog>();
        services.AddSingleton<TextRenderer>();
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<BotLifetime>();

        // Intake: updates are stored first, then handled one by one.
        services.AddSingleton<InboxWriter>();
        services.AddSingleton<UpdateProcessor>();
        services.AddScoped<UpdateRouter>();

        // Commands, in the order /help and the menu list them: each role's own first, the common ones last.
        // A class that also handles buttons is registered for both.
        services.AddSingleton<CommandMenu>();
        services.AddCommand<StartCommand>();
        services.AddCommand<AbsentCommand>();
        services.AddCommand<CaughtUpCommand>();
        services.AddCommandWithButtons<GroupCommand>();
        services.AddCommand<MyCommand>();
        services.AddCommand<ChildCommand>();
        services.AddCommand<ExcuseCommand>();
        services.AddCommand<DiaryCommand>();
        services.AddCommand<PendingCommand>();
        services.AddCommand<WblCommand>();
        services.AddCommand<MemorandumCommand>();
        services.AddFlow<AbsentFlow>();
        services.AddFlow<ExcuseFlow>();
        services.AddFlow<ExcuseReviewFlow>();
        services.AddFlow<DiaryFlow>();
        services.AddFlow<DiaryReviewFlow>();
        services.AddFlow<FinalReviewFlow>();
        services.AddCommand<HelpCommand>();
        services.AddCommandWithButtons<LanguageCommand>();
        services.AddCommand<CancelCommand>();

        // Delivery: the outbox is sent within Telegram's limits.
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<OutboxDispatcher>();

        // The loops; they run only when the bot runs, not for the command-line verbs.
        services.AddSingleton<BotStartup>();
        if (builder.Configuration.GetValue<TelegramMode>("Telegram:Mode") == TelegramMode.Webhook)
        {
            services.AddHostedService<WebhookRegistrar>();
        }
        else
        {
            services.AddHostedService<UpdatePoller>();
        }

        services.AddHostedService(sp => sp.GetRequiredService<UpdateProcessor>());
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return builder;
    }

    private static void AddCommand<T>(this IServiceCollection services)
        where T : class, ICommand
    {
        services.AddScoped<T>();
        services.AddScoped<ICommand>(sp => sp.GetRequiredService<T>());
    }

    /// <summary>A step-by-step flow: it takes the buttons of its prefix and the person's plain messages while in it.</summary>
    private static void AddFlow<T>(this IServiceCollection services)
        where T : class, ICallbackHandler, IConversationFlow
    {
        services.AddScoped<T>();
        services.AddScoped<ICallbackHandler>(sp => sp.GetRequiredService<T>());
        services.AddScoped<IConversationFlow>(sp => sp.GetRequiredService<T>());
    }

    private static void AddCommandWithButtons<T>(this IServiceCollection services)
        where T : class, ICommand, ICallbackHandler
    {
        services.AddCommand<T>();
        services.AddScoped<ICallbackHandler>(sp => sp.GetRequiredService<T>());
    }
}
