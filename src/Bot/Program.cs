using CollegeBot.Bot;
using CollegeBot.Bot.Cli;
using CollegeBot.Domain;
using CollegeBot.Scheduler;

// One program: with no arguments it runs the bot until stopped; otherwise it runs one command-line verb
// (import, invites, ...). `dotnet run --project src/Bot -- help` lists them.
return await Verbs.RunAsync(args, static builder =>
{
    builder.AddDomain();
    builder.AddScheduler();
    builder.AddBot();
});
