using CollegeBot.Bot.Routing;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.WorkBasedLearning;

namespace CollegeBot.Bot.Commands;

/// <summary>
/// <c>/diary [text] [6h]</c>: today's diary entry in the student's placement; a second one the same day is added to it.
/// Without a text it asks for one (the <see cref="DiaryFlow"/>).
/// </summary>
public sealed class DiaryCommand(DiaryDesk desk, DiaryFlow flow) : ICommand
{
    public string Name => "diary";
    public Roles AllowedRoles => Roles.Student;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        if (ctx.Arguments.Trim().Length == 0)
        {
            return await desk.ActivePlacementAsync(ctx.Person, ct) is { } placement
                ? Reply.With(await flow.StartAsync(ctx.Person, placement, ct))
                : DiaryFlow.Answer(new DiaryResult.NoPlacement());
        }

        return DiaryFlow.TryReadHours(ctx.Arguments, out var text, out var hours)
            ? DiaryFlow.Answer(await desk.WriteAsync(ctx.Person, text, hours, ct))
            : DiaryFlow.BadHours;
    }
}
