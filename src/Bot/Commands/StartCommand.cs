using CollegeBot.Bot.Routing;
using CollegeBot.Domain.College;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.People.Invites;

namespace CollegeBot.Bot.Commands;

/// <summary>/start with an invite code links this Telegram account to a person of the roster.</summary>
public sealed class StartCommand(AccountLinker linker, Outbox outbox) : ICommand
{
    public string Name => "start";
    public Roles AllowedRoles => Roles.None;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var code = ctx.Words.FirstOrDefault();
        if (code is null)
        {
            return ctx.Caller is { } known ? AlreadyLinked(known) : Reply.With("start.need_invite");
        }

        var result = await linker.LinkAsync(code, ctx.From.Id, ctx.ChatId, Languages.FromTelegram(ctx.From.LanguageCode), ct);
        switch (result)
        {
            case LinkResult.Linked linked:
                await outbox.ReleaseAwaitingLinkAsync(linked.Person, ct);
                var welcome = OutgoingMessage.Of(Text.Of("start.linked").With("name", linked.Person.FullName).WithRoles("roles", linked.Person.Roles))
                    with { RefreshCommandMenu = true };
                // Said to the person just linked, so in their language rather than the stranger's.
                outbox.Reply(ctx.ChatId, linked.Person, linked.Person.Language ?? ctx.Language, welcome, kind: "linked");
                return Reply.None;
            case LinkResult.AlreadyLinked already:
                return AlreadyLinked(already.Person);
            case LinkResult.TooManyAttempts wait:
                return Reply.With(Text.Of("start.too_many_attempts").With("minutes", (long)Math.Ceiling(wait.RetryAfter.TotalMinutes)));
            default:
                return Reply.With(result switch
                {
                    LinkResult.AccountLinkedToSomeoneElse => "start.linked_elsewhere",
                    LinkResult.UsedCode => "start.used_code",
                    LinkResult.ExpiredCode => "start.expired_code",
                    _ => "start.unknown_code",
                });
        }
    }

    private static Reply AlreadyLinked(Person person) =>
        Reply.With(Text.Of("start.already_linked").With("name", person.FullName).WithRoles("roles", person.Roles));
}
