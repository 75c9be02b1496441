using CollegeBot.Domain.People;

namespace CollegeBot.Bot.Routing;

/// <summary>A chat command such as <c>/help</c>: says who may use it and does one thing.</summary>
public interface ICommand
{
    /// <summary>The command without the slash, 1-32 of a-z, 0-9 and _.</summary>
    string Name { get; }

    /// <summary>Who may use it; <see cref="Roles.None"/> means anyone, even before linking.</summary>
    Roles AllowedRoles { get; }

    /// <summary>Shown in /help and the command menu of the people who may use it.</summary>
    bool Listed => true;

    Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct);
}

/// <summary>Handles the inline buttons whose callback data starts with <c>{Prefix}:</c>.</summary>
public interface ICallbackHandler
{
    string Prefix { get; }

    Roles AllowedRoles { get; }

    Task<Reply> HandleAsync(CallbackContext ctx, CancellationToken ct);
}
