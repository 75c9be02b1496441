using CollegeBot.Domain.Persistence;
using CollegeBot.Bot.Routing;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;

namespace CollegeBot.Bot.Tests.Support;

/// <summary>A command that fails, to see that a failing handler costs one apology and nothing else.</summary>
public sealed class BoomCommand : ICommand
{
    public string Name => "boom";
    public Roles AllowedRoles => Roles.None;
    public bool Listed => false;

    public Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct) =>
        throw new InvalidOperationException("boom on purpose");
}

/// <summary>A command that saves a message to the database and then fails: what it saved must not survive.</summary>
public sealed class SavesThenFailsCommand(CollegeDb db, Outbox outbox) : ICommand
{
    public string Name => "savesthenfails";
    public Roles AllowedRoles => Roles.None;
    public bool Listed => false;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        outbox.Reply(ctx.ChatId, null, ctx.Language, OutgoingMessage.Of(Text.Of("help.footer")), kind: "half-written");
        await db.SaveChangesAsync(ct);
        throw new InvalidOperationException("failed after saving, on purpose");
    }
}

/// <summary>A command for admins only, to see role refusals.</summary>
public sealed class AdminOnlyCommand : ICommand
{
    public string Name => "adminonly";
    public Roles AllowedRoles => Roles.Admin;
    public bool Listed => false;

    public Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct) => Task.FromResult(Reply.With("not_a_command"));
}

/// <summary>
/// A command that writes to the database and then waits at a gate, so a test can stop the program while the update
/// is stored but not yet handled.
/// </summary>
public sealed class GatedCommand(Gate gate, Outbox outbox) : ICommand
{
    public string Name => "gated";
    public Roles AllowedRoles => Roles.None;
    public bool Listed => false;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        // A change that must vanish if the handler never finishes.
        outbox.Reply(ctx.ChatId, null, ctx.Language, OutgoingMessage.Of(Text.Of("help.footer")), kind: "half-written");
        gate.Entered.TrySetResult();
        await gate.Release.Task.WaitAsync(ct);
        return Reply.With(Text.Of("language.set"));
    }
}

public sealed class Gate
{
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static Gate Open()
    {
        var gate = new Gate();
        gate.Release.SetResult();
        return gate;
    }
}
