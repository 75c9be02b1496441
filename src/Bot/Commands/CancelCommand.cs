using CollegeBot.Bot.Routing;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;

namespace CollegeBot.Bot.Commands;

/// <summary>/cancel: leaves whatever step-by-step flow the person is in; nothing of it is saved.</summary>
public sealed class CancelCommand(Conversations conversations) : ICommand
{
    public string Name => "cancel";
    public Roles AllowedRoles => Roles.AnyLinked;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct) =>
        Reply.With(await conversations.EndAsync(ctx.Person, ct) ? "cancel.done" : "cancel.nothing");
}
