using CollegeBot.Bot.Routing;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;

namespace CollegeBot.Bot.Commands;

/// <summary>/language: buttons for Kyrgyz, Russian and English.</summary>
public sealed class LanguageCommand : ICommand, ICallbackHandler
{
    public string Name => "language";
    public string Prefix => "lang";
    public Roles AllowedRoles => Roles.AnyLinked;

    public Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct) =>
        Task.FromResult(Reply.With(OutgoingMessage.Of(Text.Of("language.choose"))
            .WithButtons([.. Languages.All.Select(l => Button.Of("language.name." + l, $"{Prefix}:{l}"))])));

    public Task<Reply> HandleAsync(CallbackContext ctx, CancellationToken ct)
    {
        if (!Languages.IsSupported(ctx.Data))
        {
            return Task.FromResult(Reply.ToastOnly(Text.Of("refuse.button_expired")));
        }

        ctx.Caller.Language = ctx.Data;
        var done = OutgoingMessage.Of(Text.Of("language.set")) with { EditMessageId = ctx.MessageId, RefreshCommandMenu = true };
        return Task.FromResult(Reply.With(done));
    }
}
