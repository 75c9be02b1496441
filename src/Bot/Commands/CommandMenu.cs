using CollegeBot.Bot.Routing;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using Microsoft.Extensions.DependencyInjection;

namespace CollegeBot.Bot.Commands;

/// <summary>What a command menu needs to know of a command, without the command's own dependencies.</summary>
public sealed record CommandInfo(string Name, Roles AllowedRoles, bool Listed)
{
    public Text Description => Text.Of("command." + Name);
}

/// <summary>
/// The commands a person sees in /help and in their chat's command menu, in registration order. Read once from the
/// registered commands (in a scope of its own, since /help itself is one of them).
/// </summary>
public sealed class CommandMenu(IServiceScopeFactory scopes)
{
    private readonly Lazy<IReadOnlyList<CommandInfo>> all = new(() =>
    {
        using var scope = scopes.CreateScope();
        return [.. scope.ServiceProvider.GetServices<ICommand>().Select(c => new CommandInfo(c.Name, c.AllowedRoles, c.Listed))];
    });

    public IReadOnlyList<CommandInfo> For(Roles roles) =>
        [.. all.Value.Where(c => c.Listed && (c.AllowedRoles == Roles.None ? c.Name != "start" : (c.AllowedRoles & roles) != 0))];

    /// <summary>The commands offered before linking.</summary>
    public IReadOnlyList<CommandInfo> ForStrangers() => [.. all.Value.Where(c => c.Listed && c.AllowedRoles == Roles.None)];
}
