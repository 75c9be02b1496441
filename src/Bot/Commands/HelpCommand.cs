using CollegeBot.Bot.Routing;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;

namespace CollegeBot.Bot.Commands;

/// <summary>/help: exactly the commands of the caller's roles.</summary>
public sealed class HelpCommand(CommandMenu menu) : ICommand
{
    public string Name => "help";
    public Roles AllowedRoles => Roles.None;

    public Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        if (ctx.Caller is not { } person)
        {
            return Task.FromResult(Reply.With("start.need_invite"));
        }

        var lines = menu.For(person.Roles)
            .Select(c => Text.Of("help.line").With("command", c.Name).With("description", c.Description));
        Text[] parts = [Text.Of("help.title").With("name", person.FullName).WithRoles("roles", person.Roles), .. lines, Text.Of("help.footer")];
        return Task.FromResult(Reply.With(OutgoingMessage.Of(parts)));
    }
}
