using CollegeBot.Bot.Routing;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;

namespace CollegeBot.Bot.Commands;

/// <summary>The commands a person sees in /help and in their chat's command menu, in registration order.</summary>
public sealed class CommandMenu(IEnumerable<ICommand> commands)
{
    public IReadOnlyList<ICommand> For(Roles roles) =>
        [.. commands.Where(c => c.Listed && (c.AllowedRoles == Roles.None ? c.Name != "start" : (c.AllowedRoles & roles) != 0))];

    /// <summary>The commands offered before linking.</summary>
    public IReadOnlyList<ICommand> ForStrangers() => [.. commands.Where(c => c.Listed && c.AllowedRoles == Roles.None)];

    public static Text Description(ICommand command) => Text.Of("command." + command.Name);
}
